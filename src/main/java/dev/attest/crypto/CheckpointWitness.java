package dev.attest.crypto;

import dev.attest.web.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The newest checkpoint this installation signed for each hash chain (a workspace's evidence ledger or
 * audit trail), kept in the data folder next to the master key rather than in the database. A chain
 * must still hold and extend it: someone who rewrites, truncates or deletes checkpoints in the database
 * cannot make the application vouch for the result. After a deliberate database restore the operator
 * removes {@code witness/KIND/CHAIN} (the restored chain then starts a new witness).
 */
@Component
public class CheckpointWitness {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWitness.class);

    /** What {@link #read} gives for a witness file that exists but cannot be read: it matches no chain. */
    public static final List<String> UNREADABLE = List.of(Long.toString(Long.MAX_VALUE), "unreadable", "unreadable", "", "");

    private final Path folder;

    public CheckpointWitness(@Value("${" + DataDirectory.PROPERTY + "}") String dataDir) {
        this.folder = Path.of(dataDir, "witness");
    }

    /**
     * The checkpoint's five fields as recorded (count of entries covered, hash, time, key id, signature), or
     * empty when none was recorded.
     */
    public Optional<List<String>> read(String kind, UUID chain) {
        Path file = folder.resolve(kind).resolve(chain.toString());
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> fields = Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).strip().split("\t", -1));
            Long.parseLong(fields.get(0));
            if (fields.size() != UNREADABLE.size()) {
                return Optional.of(UNREADABLE);
            }
            return Optional.of(fields);
        } catch (IOException | RuntimeException e) {
            // A damaged witness must not pass for an absent one: the check then fails on it.
            return Optional.of(UNREADABLE);
        }
    }

    /** Records a checkpoint once the transaction that wrote it commits (at once when there is none). */
    public void recordAfterCommit(String kind, UUID chain, List<String> fields) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record(kind, chain, fields);
                }
            });
        } else {
            record(kind, chain, fields);
        }
    }

    private void record(String kind, UUID chain, List<String> fields) {
        long count = Long.parseLong(fields.get(0));
        // Never step back: with several nodes, an older checkpoint's commit can finish after a newer one's.
        if (read(kind, chain).filter(known -> Long.parseLong(known.get(0)) > count).isPresent()) {
            return;
        }
        Path dir = folder.resolve(kind);
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, chain + "-", ".tmp");
            Files.writeString(temporary, String.join("\t", fields) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(chain.toString()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The checkpoint is committed; only the outside copy lags, which weakens the check but breaks nothing.
            log.error("Cannot record the {} checkpoint of {} in {}", kind, chain, dir, e);
        }
    }
}
