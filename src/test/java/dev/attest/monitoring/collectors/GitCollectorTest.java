package dev.attest.monitoring.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.collectors.GitCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitCollectorTest {

    @TempDir
    Path folder;

    private final GitCollector collector = new GitCollector();

    private static void run(Path directory, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
    }

    private Path repository(String name) throws Exception {
        Path repo = Files.createDirectories(folder.resolve(name));
        run(repo, "git", "init", "-q", "-b", "main");
        run(repo, "git", "config", "user.email", "dev@example.com");
        run(repo, "git", "config", "user.name", "Dev");
        run(repo, "git", "config", "commit.gpgsign", "false");
        return repo;
    }

    private static void commit(Path repo, String file, String content, String message, String... extra) throws Exception {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        run(repo, "git", "add", "-A");
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(extra));
        command.addAll(List.of("commit", "-q", "-m", message));
        run(repo, command.toArray(String[]::new));
    }

    private Map<String, Object> collect(String target) throws Exception {
        List<Resource> resources = collector.collect(target, Map.of(), step -> { });
        assertThat(resources).hasSize(1);
        return resources.get(0).data();
    }

    @Test
    void aWellKeptRepositoryHasItsPoliciesSignedCommitsAndNoSecrets() throws Exception {
        Path repo = repository("good");
        Path key = folder.resolve("signing");
        run(folder, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String[] signed = {"-c", "gpg.format=ssh", "-c", "user.signingkey=" + key + ".pub", "-c", "commit.gpgsign=true"};
        commit(repo, "SECURITY.md", "Report to security@example.com", "security policy", signed);
        commit(repo, ".github/CODEOWNERS", "* @acme/platform", "owners", signed);
        commit(repo, ".github/dependabot.yml", "version: 2", "dependabot", signed);

        Map<String, Object> data = collect(repo.toString());

        assertThat(data).containsEntry("hasSecurityPolicy", true).containsEntry("hasCodeowners", true)
                .containsEntry("dependencyUpdates", true).containsEntry("dependencyUpdateTool", "dependabot")
                .containsEntry("commits", 3L).containsEntry("signedCommits", 3L).containsEntry("signedShare", 1.0)
                .containsEntry("secretsFound", 0L).containsEntry("defaultBranch", "main");
    }

    @Test
    void aSecretCommittedAndLaterRemovedIsStillFoundInTheHistory() throws Exception {
        Path repo = repository("leaky");
        commit(repo, "config/app.env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", "add config");
        commit(repo, "config/app.env", "AWS_ACCESS_KEY_ID=from-vault\n", "remove the key");
        commit(repo, "deploy/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n", "oops");

        Map<String, Object> data = collect("file://" + repo);

        assertThat(data).containsEntry("hasSecurityPolicy", false).containsEntry("hasCodeowners", false)
                .containsEntry("dependencyUpdates", false).containsEntry("signedCommits", 0L).containsEntry("secretsFound", 2L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) data.get("secretFindings");
        assertThat(findings).extracting(f -> f.get("kind")).containsExactlyInAnyOrder("aws-access-key-id", "private-key");
        assertThat(findings).extracting(f -> f.get("path")).contains("config/app.env", "deploy/id_rsa");
        assertThat(data.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void aRepositoryThatCannotBeClonedIsACollectionFailure() {
        assertThatThrownBy(() -> collector.collect("file://" + folder.resolve("missing"), Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class).hasMessageContaining("clone");
    }

    @Test
    void aTargetThatLooksLikeAnOptionIsReadAsARepositoryNameAndFailsWithoutDetail() throws Exception {
        Path marker = folder.resolve("pwned");
        assertThatThrownBy(() -> collector.collect("--upload-pack=touch " + marker, Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class)
                .hasMessage("Git repository --upload-pack=touch " + marker + " could not be cloned (unreachable, not a repository, or access refused)");
        assertThat(marker).doesNotExist();
    }
}
