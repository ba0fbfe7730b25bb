package dev.attest;

import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backup DIR} and {@code restore DIR}: back up, destroy the data folder, restore, verify. */
class BackupRestoreTest {

    @TempDir
    Path work;

    private Path dataDir;
    private String previous;

    @BeforeEach
    void ownDataFolder() {
        // The commands back up the embedded H2 database; on PostgreSQL the backup is pg_dump (see README).
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("ATTEST_DB_URL") == null,
                "backs up the embedded H2 database; skipped on PostgreSQL, whose backup is pg_dump");
        dataDir = work.resolve("data");
        // the commands read their settings as the application does; this one names an H2 database of its own
        previous = System.getProperty("attest.data-dir");
        System.setProperty("attest.data-dir", dataDir.toString());
        System.setProperty("spring.profiles.active", "test");
    }

    @AfterEach
    void restoreSettings() {
        if (previous == null) {
            System.clearProperty("attest.data-dir");
        } else {
            System.setProperty("attest.data-dir", previous);
        }
        System.clearProperty("spring.profiles.active");
    }

    private record Result(int exit, String out) {
    }

    private static Result command(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = AttestCommands.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBackupSurvivesTheLossOfTheDataFolderAndARestoreIntoANonEmptyDatabaseIsRefusedUnlessForced() throws Exception {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AttestApplication.class).run("--server.port=0")) {
            EvidenceLocker evidence = app.getBean(EvidenceLocker.class);
            for (int i = 0; i < 3; i++) {
                evidence.add(workspace, new NewEvidence("upload", "backup " + i, null, "text/plain", List.of(), null, "test"),
                        ("content " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            }
            evidence.checkpoint(workspace);
        }
        Path backup = work.resolve("backup");

        Result backedUp = command("backup", backup.toString());
        assertThat(backedUp.exit()).as(backedUp.out()).isZero();
        assertThat(backup.resolve("attest-database.sql.gz")).isNotEmptyFile();

        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(dataDir).doesNotExist();

        Result restored = command("restore", backup.toString());
        assertThat(restored.exit()).as(restored.out()).isZero();
        assertThat(restored.out()).contains("ok      workspace " + workspace.value() + ": 3 entries",
                "Every ledger verifies and every entry's content is in the evidence store.");

        Result refused = command("restore", backup.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("The database is not empty", "restore refused", "--force");

        Result forced = command("restore", backup.toString(), "--force");
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(forced.out()).contains("ok      workspace " + workspace.value() + ": 3 entries");
    }
}
