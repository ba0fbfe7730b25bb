package dev.attest;

import dev.attest.evidence.EvidenceCheck;
import dev.attest.evidence.EvidenceStorageMigration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The operator's commands: {@code backup DIR}, {@code restore DIR [--force]}, {@code check} (a restored
 * database against the evidence store and the ledger) and {@code migrate-evidence} (the data folder's
 * evidence into the configured S3 bucket). Each reads the same settings as the application
 * ({@code ATTEST_*}, {@code application.yml}).
 *
 * <p>A backup holds the database (on H2, an online {@code SCRIPT} snapshot; on PostgreSQL, run
 * {@code pg_dump}, see the README) and then the data folder's files: evidence is written before the row
 * that names it commits, so files copied after the snapshot include every file the snapshot names.
 */
public final class AttestCommands {

    static final Set<String> NAMES = Set.of("backup", "restore", "check", "migrate-evidence");
    private static final String DATABASE_FILE = "attest-database.sql.gz";
    private static final String FILES = "data";
    // the operator key that seals personal data stays out of backups, so that a stolen backup reveals no sealed field
    private static final String MASTER_KEY = "master.key";
    // the H2 database's own files and upload scratch are not copied file by file
    private static final List<String> SKIPPED = List.of("attest.mv.db", "attest.trace.db", "attest.lock.db", "incoming", "evidence-incoming",
            MASTER_KEY);

    private AttestCommands() {
    }

    /** Runs the command; returns the process exit code (0 done, 1 refused or failed, 2 usage). */
    public static int run(String command, String[] args, PrintStream out) {
        try {
            return switch (command) {
                case "backup" -> args.length == 1 ? backup(Path.of(args[0]), out) : usage(out);
                case "restore" -> args.length >= 1 ? restore(Path.of(args[0]), Arrays.asList(args).contains("--force"), out) : usage(out);
                case "check" -> check(out);
                case "migrate-evidence" -> migrateEvidence(out);
                default -> usage(out);
            };
        } catch (RefusedException e) {
            out.println(e.getMessage());
            return 1;
        } catch (IOException | SQLException e) {
            out.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: java -jar attest.jar backup DIR | restore DIR [--force] | check | migrate-evidence");
        return 2;
    }

    /** Only the settings (no database, no beans): what the commands that copy files need. */
    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {
    }

    private static Environment settings() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).bannerMode(org.springframework.boot.Banner.Mode.OFF).run()) {
            return context.getEnvironment();
        }
    }

    private static Connection connect(Environment env) throws SQLException {
        return DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""));
    }

    private static boolean h2(Environment env) {
        return env.getRequiredProperty("spring.datasource.url").startsWith("jdbc:h2:");
    }

    static int backup(Path target, PrintStream out) throws IOException, SQLException {
        Environment env = settings();
        Path dataDir = Path.of(env.getRequiredProperty("attest.data-dir"));
        if (Files.exists(target) && Files.list(target).findAny().isPresent()) {
            throw new RefusedException("The backup folder " + target + " is not empty: choose a new folder.");
        }
        Files.createDirectories(target);
        if (h2(env)) {
            try (Connection db = connect(env); Statement sql = db.createStatement()) {
                sql.execute("SCRIPT TO '" + target.resolve(DATABASE_FILE).toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION GZIP");
            }
            out.println("Database: an online snapshot of the H2 database in " + target.resolve(DATABASE_FILE));
        } else {
            out.println("Database: PostgreSQL is backed up with its own tools, e.g. pg_dump -Fc -f " + target.resolve("attest.dump")
                    + " (see the README); this backup holds the data folder's files.");
        }
        int copied = copyTree(dataDir, target.resolve(FILES), false);
        out.println("Files: " + copied + " file(s) of " + dataDir + " (evidence, ledger keys) in " + target.resolve(FILES));
        if (Files.exists(dataDir.resolve(MASTER_KEY))) {
            out.println("Not in the backup: " + dataDir.resolve(MASTER_KEY) + ", the key that seals personal data. Keep a copy of it apart "
                    + "from the backup (or set ATTEST_MASTER_KEY); a restore needs it to read sealed fields.");
        }
        if (!"file".equals(env.getProperty("attest.evidence.storage", "file"))) {
            out.println("Evidence lives in the S3 bucket " + env.getProperty("attest.evidence.s3.bucket")
                    + ": objects are never overwritten, so bucket versioning or replication keeps it (see the README).");
        }
        return 0;
    }

    static int restore(Path source, boolean force, PrintStream out) throws IOException, SQLException {
        Environment env = settings();
        Path dataDir = Path.of(env.getRequiredProperty("attest.data-dir"));
        if (!Files.isDirectory(source.resolve(FILES))) {
            throw new RefusedException(source + " is not an Attest backup (it has no " + FILES + " folder).");
        }
        if (h2(env)) {
            if (!Files.exists(source.resolve(DATABASE_FILE))) {
                throw new RefusedException(source + " holds no H2 database snapshot (" + DATABASE_FILE + ").");
            }
            try (Connection db = connect(env); Statement sql = db.createStatement()) {
                int tables = tables(db);
                if (tables > 0 && !force) {
                    throw new RefusedException("The database is not empty (" + tables + " tables): restore refused. "
                            + "Add --force to replace everything in it with the backup.");
                }
                sql.execute("DROP ALL OBJECTS");
                sql.execute("RUNSCRIPT FROM '" + source.resolve(DATABASE_FILE).toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION GZIP");
            }
            out.println("Database: restored from " + source.resolve(DATABASE_FILE));
        } else {
            try (Connection db = connect(env)) {
                int tables = tables(db);
                if (tables > 0 && !force) {
                    throw new RefusedException("The database is not empty (" + tables + " tables): restore refused. "
                            + "Restore PostgreSQL into an empty database with pg_restore, then run this with --force for the files.");
                }
            }
            out.println("Database: PostgreSQL is restored with pg_restore (see the README); restoring the files only.");
        }
        int copied = copyTree(source.resolve(FILES), dataDir, false);
        out.println("Files: " + copied + " file(s) restored into " + dataDir);
        return check(out);
    }

    private static int tables(Connection db) throws SQLException {
        int count = 0;
        try (ResultSet rs = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && !schema.equalsIgnoreCase("information_schema") && !schema.equalsIgnoreCase("pg_catalog")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Starts the application (on a loopback port of its own, jobs off) and verifies every ledger against the evidence store. */
    static int check(PrintStream out) {
        try (ConfigurableApplicationContext app = application()) {
            return app.getBean(EvidenceCheck.class).verifyAll(out) ? 0 : 1;
        }
    }

    static int migrateEvidence(PrintStream out) throws IOException {
        try (ConfigurableApplicationContext app = application()) {
            return app.getBean(EvidenceStorageMigration.class).migrate(out) ? 0 : 1;
        }
    }

    private static ConfigurableApplicationContext application() {
        // the security configuration needs the web application, so it runs, on a port nobody else reaches
        return new SpringApplicationBuilder(AttestApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--attest.scheduling.enabled=false");
    }

    private static int copyTree(Path from, Path to, boolean keepExisting) throws IOException {
        int[] copied = {0};
        Files.createDirectories(to);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && SKIPPED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (SKIPPED.contains(file.getFileName().toString()) || (keepExisting && Files.exists(target))) {
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                copied[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return copied[0];
    }

    /** A command that will not do what was asked, with the one sentence that says why. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

}
