package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Git repository ({@code git.repository}) with the git command line: SECURITY.md, CODEOWNERS,
 * dependency-update configuration, the share of signed commits among the latest ones, and a scan of
 * the history's added lines for committed secrets in common key formats. The target is a local path
 * or a clone URL (cloned bare into a temporary folder, then removed).
 */
@Component
public class GitCollector implements Collector {

    static final int COMMITS = 200;
    static final int HISTORY_SCAN = 2000;

    /** Key formats worth a finding: each kind with the pattern that recognises it. */
    static final Map<String, Pattern> SECRET_FORMATS = new LinkedHashMap<>();

    static {
        SECRET_FORMATS.put("aws-access-key-id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"));
        SECRET_FORMATS.put("private-key", Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----"));
        SECRET_FORMATS.put("github-token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"));
        SECRET_FORMATS.put("slack-token", Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"));
        SECRET_FORMATS.put("google-api-key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}\\b"));
        SECRET_FORMATS.put("stripe-live-key", Pattern.compile("\\b[rs]k_live_[0-9a-zA-Z]{24,}\\b"));
    }

    static final List<String> SECURITY_POLICY = List.of("SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md");
    static final List<String> CODEOWNERS = List.of("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS");
    static final Map<String, String> UPDATE_TOOLS = Map.of(
            ".github/dependabot.yml", "dependabot", ".github/dependabot.yaml", "dependabot",
            "renovate.json", "renovate", "renovate.json5", "renovate", ".renovaterc", "renovate",
            ".renovaterc.json", "renovate", ".github/renovate.json", "renovate", ".gitlab/renovate.json", "renovate");

    @Override
    public Description description() {
        return Description.of("git", "a local path or a clone URL, e.g. https://github.com/acme/api.git", "git.repository");
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Path local = Path.of(target.strip());
        Path clone = null;
        try {
            Path repository;
            if (!target.contains("://") && !target.matches("^[^/]+@[^:]+:.*") && Files.isDirectory(local)) {
                repository = local;
            } else {
                progress.report("cloning " + target);
                clone = Files.createTempDirectory("attest-git");
                try {
                    // "--" ends the options: a target such as "--upload-pack=..." is then a (missing) repository, never an option.
                    git(clone, 300, "clone", "--bare", "--quiet", "--", target.strip(), clone.resolve("repo.git").toString());
                } catch (IOException e) {
                    // One message for refused, filtered, unknown and private: git's own would map the network for whoever reads it.
                    throw new CollectionFailed("Git repository " + target.strip()
                            + " could not be cloned (unreachable, not a repository, or access refused)", e);
                }
                repository = clone.resolve("repo.git");
            }
            progress.report("reading " + target);
            return List.of(new Resource("git.repository", target.strip(), read(repository, target.strip())));
        } catch (IOException e) {
            throw new CollectionFailed("Git repository " + target + ": " + e.getMessage(), e);
        } finally {
            if (clone != null) {
                delete(clone);
            }
        }
    }

    private Map<String, Object> read(Path repository, String location) throws IOException, CollectionFailed {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("location", location);
        String head = git(repository, 30, "rev-parse", "--verify", "--quiet", "HEAD").strip();
        if (head.isEmpty()) {
            throw new CollectionFailed("Git repository " + location + " has no commits");
        }
        data.put("head", head);
        data.put("defaultBranch", git(repository, 30, "symbolic-ref", "--short", "HEAD").strip());
        Set<String> files = Set.copyOf(List.of(git(repository, 60, "ls-tree", "-r", "--name-only", "HEAD").split("\n")));
        data.put("hasSecurityPolicy", SECURITY_POLICY.stream().anyMatch(files::contains));
        data.put("hasCodeowners", CODEOWNERS.stream().anyMatch(files::contains));
        String tool = UPDATE_TOOLS.entrySet().stream().filter(e -> files.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        data.put("dependencyUpdates", tool != null);
        if (tool != null) {
            data.put("dependencyUpdateTool", tool);
        }
        // Raw headers show a signature whether or not this machine could verify it (no keyring needed).
        String raw = git(repository, 60, "log", "-n", String.valueOf(COMMITS), "--pretty=raw", "HEAD");
        long commits = 0;
        long signed = 0;
        boolean counted = true;
        for (String line : raw.split("\n")) {
            if (line.startsWith("commit ")) {
                commits++;
                counted = false;
            } else if (!counted && (line.startsWith("gpgsig ") || line.startsWith("gpgsig-sha256 "))) {
                signed++;
                counted = true;
            }
        }
        data.put("commits", commits);
        data.put("signedCommits", signed);
        data.put("signedShare", commits == 0 ? 0.0 : Math.round(signed * 1000.0 / commits) / 1000.0);
        List<Map<String, Object>> found = scanHistory(repository);
        data.put("secretsFound", (long) found.size());
        data.put("secretFindings", found.size() > 50 ? found.subList(0, 50) : found);
        return data;
    }

    /** Added lines in the history that look like a key; reports where, never the secret itself. */
    private List<Map<String, Object>> scanHistory(Path repository) throws IOException {
        String log = git(repository, 300, "log", "--all", "-n", String.valueOf(HISTORY_SCAN), "-p", "--no-color", "--no-ext-diff",
                "--unified=0", "--format=commit %H");
        List<Map<String, Object>> found = new ArrayList<>();
        String commit = null;
        String path = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("commit ")) {
                commit = line.substring(7).strip();
            } else if (line.startsWith("+++ ")) {
                path = line.startsWith("+++ b/") ? line.substring(6) : line.substring(4);
            } else if (line.startsWith("+") && commit != null) {
                for (var format : SECRET_FORMATS.entrySet()) {
                    Matcher m = format.getValue().matcher(line);
                    if (m.find()) {
                        Map<String, Object> hit = new LinkedHashMap<>();
                        hit.put("commit", commit);
                        hit.put("path", path);
                        hit.put("kind", format.getKey());
                        found.add(hit);
                    }
                }
            }
        }
        return found;
    }

    static String git(Path directory, int timeoutSeconds, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-c");
        command.add("safe.directory=*");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        // Only plain transports: ext:: and fd:: run commands or read descriptors of this process.
        builder.environment().put("GIT_ALLOW_PROTOCOL", "https:http:ssh:git:file");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread errors = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
        errors.start();
        streams[0] = readAll(process.getInputStream());
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + args[0] + " took longer than " + timeoutSeconds + " s");
            }
            errors.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        String out = new String(streams[0], StandardCharsets.UTF_8);
        // rev-parse --quiet and symbolic-ref exit 1 for "nothing"; the caller reads an empty answer.
        if (process.exitValue() != 0 && !List.of("rev-parse", "symbolic-ref").contains(args[0])) {
            String message = new String(streams[1], StandardCharsets.UTF_8).strip();
            throw new IOException("git " + args[0] + " failed: " + (message.isEmpty() ? "exit " + process.exitValue() : message.lines().findFirst().orElse("")));
        }
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
