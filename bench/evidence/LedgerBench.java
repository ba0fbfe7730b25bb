import dev.attest.AttestApplication;
import dev.attest.evidence.LedgerExportVerifier;
import dev.attest.evidence.LedgerVerification;
import dev.attest.evidence.internal.Ledger;
import dev.attest.evidence.internal.LedgerFormat;
import dev.attest.identity.WorkspaceId;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * 1. Append rate of the real Ledger on PostgreSQL, in batches (one transaction per batch).
 * 2. Verification of a 1,000,000-entry export against sha256sum over the same file.
 */
public class LedgerBench {

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int exportEntries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        if (!mode.equals("verify")) append(entries, 1000);
        if (!mode.equals("append")) verify(exportEntries);
        System.exit(0);
    }

    static void append(int entries, int batch) throws Exception {
        String url = System.getenv().getOrDefault("ATTEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/attest_bench");
        Path data = Files.createTempDirectory("attest-bench");
        // System properties outrank application.yml, whose defaults point at the embedded H2.
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", System.getenv().getOrDefault("ATTEST_DB_USER", "postgres"));
        var context = new SpringApplicationBuilder(AttestApplication.class).web(WebApplicationType.SERVLET)
                .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres", "attest.data-dir=" + data,
                        "attest.scheduling.enabled=false", "server.port=0", "logging.level.root=warn", "attest.evidence.checkpoint-every=1000")
                .run();
        Ledger ledger = context.getBean(Ledger.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        String sha = "ab".repeat(32);
        // warm-up
        transactions.executeWithoutResult(s -> ledger.append(workspace, entries(batch, sha)));
        String loadBefore = load();
        long t0 = System.nanoTime();
        for (int done = 0; done < entries; done += batch) {
            List<Ledger.Entry> list = entries(batch, sha);
            transactions.executeWithoutResult(s -> ledger.append(workspace, list));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("append on %s: %d entries in %.2f s = %.0f entries/s (batches of %d, checkpoint every 1000; %s before)%n",
                url.replaceFirst("^jdbc:", ""), entries, seconds, entries / seconds, batch, loadBefore);
        context.close();
    }

    interface Timed {
        void run() throws Exception;
    }

    static double seconds(Timed work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The load average over 1, 5 and 15 minutes, to print beside each figure. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "load average unknown";
        }
    }

    static List<Ledger.Entry> entries(int n, String sha) {
        List<Ledger.Entry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(new Ledger.Entry(UUID.randomUUID(), "upload", sha));
        return list;
    }

    static void verify(int entries) throws Exception {
        Path file = Files.createTempFile("attest-ledger-bench", ".txt");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String workspace = UUID.randomUUID().toString();
        // The checkpoint halfway through, as an auditor would have kept it: the pinned check must find and match it.
        long middle = Math.max(1000, entries / 2 / 1000 * 1000);
        dev.attest.evidence.LedgerCheckpoint[] kept = new dev.attest.evidence.LedgerCheckpoint[1];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(LedgerFormat.HEADER + "\nworkspace\t" + workspace + "\npublic-key\tk1\t"
                    + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n");
            String previous = LedgerFormat.GENESIS;
            HexFormat hex = HexFormat.of();
            byte[] digest = new byte[32];
            for (int seq = 1; seq <= entries; seq++) {
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(digest);
                String fields = LedgerFormat.entryFields(seq, "2026-11-27T08:00:00.000Z", UUID.randomUUID().toString(), "upload",
                        hex.formatHex(digest));
                previous = LedgerFormat.entryHash(previous, fields);
                out.write("E\t" + fields + "\t" + previous + "\n");
                if (seq % 1000 == 0) {
                    Signature signer = Signature.getInstance("Ed25519");
                    signer.initSign(keys.getPrivate());
                    signer.update(LedgerFormat.checkpointMessage(workspace, seq, previous, "2026-11-27T08:00:00.000Z"));
                    String signature = Base64.getEncoder().encodeToString(signer.sign());
                    out.write("C\t" + seq + "\t" + previous + "\t2026-11-27T08:00:00.000Z\tk1\t" + signature + "\n");
                    if (seq == middle) {
                        kept[0] = new dev.attest.evidence.LedgerCheckpoint(workspace, seq, previous, "2026-11-27T08:00:00.000Z", "k1", signature);
                    }
                }
            }
        }
        long size = Files.size(file);
        System.out.printf("export: %d entries, %.1f MB, a signed checkpoint every 1,000 entries%n", entries, size / 1e6);
        // Each round: the command as an auditor runs it (a new JVM, its start and warm-up included), the
        // same check inside this JVM (warm after the first round), and sha256sum over the same file.
        for (int round = 1; round <= 3; round++) {
            String loadBefore = load();
            double command = seconds(() -> {
                Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), "dev.attest.AttestApplication", "verify-ledger", file.toString(),
                        "--key", LedgerFormat.fingerprint(keys.getPublic()))
                        .redirectErrorStream(true).start();
                String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (verify.waitFor() != 0) {
                    throw new IllegalStateException(output);
                }
            });
            LedgerVerification[] result = new LedgerVerification[1];
            double inProcess = seconds(() -> result[0] = LedgerExportVerifier.verify(file));
            if (!result[0].valid()) {
                throw new IllegalStateException(result[0].message());
            }
            var policy = new dev.attest.evidence.internal.VerificationPolicy(java.util.Set.of(LedgerFormat.fingerprint(keys.getPublic())),
                    java.util.Map.of(), java.util.List.of(new dev.attest.evidence.internal.VerificationPolicy.Anchor(kept[0], "kept")), null, null);
            double pinned = seconds(() -> {
                try (var in = Files.newInputStream(file)) {
                    result[0] = LedgerFormat.verify(in, policy);
                }
            });
            if (!result[0].valid()) {
                throw new IllegalStateException(result[0].message());
            }
            double sha = seconds(() -> {
                Process sum = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
                sum.getInputStream().readAllBytes();
                sum.waitFor();
            });
            System.out.printf("round %d (%s before): sha256sum %.3f s (%.0f MB/s); verify-ledger command %.3f s (%.0f MB/s, ratio %.2f); "
                            + "in this JVM %.3f s (%.0f MB/s, ratio %.2f); pinned key + earlier checkpoint in this JVM %.3f s (%.2f x unpinned); "
                            + "target ratio >= 0.5%n",
                    round, loadBefore, sha, size / 1e6 / sha, command, size / 1e6 / command, sha / command,
                    inProcess, size / 1e6 / inProcess, sha / inProcess, pinned, pinned / inProcess);
        }
        Files.delete(file);
    }
}
