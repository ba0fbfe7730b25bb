package dev.attest.evidence;

import dev.attest.evidence.internal.EvidenceItemStore;
import dev.attest.evidence.internal.EvidenceStorage;
import dev.attest.evidence.internal.LedgerFormat;
import dev.attest.web.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code java -jar attest.jar migrate-evidence}: copies the data folder's evidence files into the
 * configured object store, re-reads every object and checks its SHA-256 against its name, then checks
 * that every piece of evidence the database names is in the store. Safe to run again: content already
 * in the store is not written twice.
 */
@Service
public class EvidenceStorageMigration {

    private final EvidenceStorage target;
    private final EvidenceItemStore items;
    private final Path files;
    private final String storage;

    EvidenceStorageMigration(EvidenceStorage target, EvidenceItemStore items, @Value("${" + DataDirectory.PROPERTY + "}") String dataDir,
                             @Value("${attest.evidence.storage:file}") String storage) {
        this.target = target;
        this.items = items;
        this.files = Path.of(dataDir, "evidence");
        this.storage = storage;
    }

    /** Moves and verifies; prints what it did; true when every hash matched and nothing is missing. */
    public boolean migrate(PrintStream out) throws IOException {
        if (!"s3".equals(storage)) {
            out.println("Evidence storage is '" + storage + "': set attest.evidence.storage=s3 and attest.evidence.s3.* "
                    + "(ATTEST_EVIDENCE_STORAGE=s3, ...) to the target bucket, then run migrate-evidence again.");
            return false;
        }
        List<String> bad = new ArrayList<>();
        long moved = 0;
        if (Files.isDirectory(files)) {
            List<Path> all;
            try (var walk = Files.walk(files)) {
                all = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).toList();
            }
            for (Path file : all) {
                String name = file.getFileName().toString();
                EvidenceStorage.Stored stored;
                try (InputStream in = Files.newInputStream(file)) {
                    stored = target.put(in, Long.MAX_VALUE);
                }
                String reread;
                try (InputStream in = new DigestInputStream(target.open(name), LedgerFormat.sha256())) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    reread = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
                }
                if (!stored.sha256().equals(name) || !reread.equals(name)) {
                    bad.add(name);
                    out.println("MISMATCH " + file + ": stored as " + stored.sha256() + ", read back as " + reread);
                }
                moved++;
            }
        }
        List<String> named = items.allContent();
        long missing = 0;
        for (String sha : named) {
            if (!target.contains(sha)) {
                missing++;
                out.println("MISSING " + sha + ": named by evidence, not in the store");
            }
        }
        out.println(moved + " file(s) copied and verified by SHA-256, " + named.size() + " evidence hash(es) checked in the store, "
                + bad.size() + " mismatch(es), " + missing + " missing.");
        return bad.isEmpty() && missing == 0;
    }

}
