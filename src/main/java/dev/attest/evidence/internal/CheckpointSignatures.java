package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerVerification;

import java.io.InterruptedIOException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks checkpoint signatures on other threads while the caller goes on hashing entries: an Ed25519
 * verification costs about as much as hashing a thousand entries. The result is the one a check in
 * file order would give: the first checkpoint whose signature fails, if any. The caller helps with the
 * checks left when it reaches the end, and runs them itself when the workers fall far behind.
 */
final class CheckpointSignatures implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int maxPending;
    private final ArrayDeque<Check> pending = new ArrayDeque<>();
    private ExecutorService workers;
    private volatile boolean failed;

    private static final class Check extends FutureTask<Boolean> {

        final long seq;
        final long checkpointsBefore;

        Check(long seq, long checkpointsBefore, java.util.concurrent.Callable<Boolean> verification) {
            super(verification);
            this.seq = seq;
            this.checkpointsBefore = checkpointsBefore;
        }
    }

    CheckpointSignatures() {
        this(4096);
    }

    /** At most {@code maxPending} checks wait at a time; beyond that the caller checks the oldest itself. */
    CheckpointSignatures(int maxPending) {
        this.maxPending = maxPending;
    }

    /** Queues the check of a checkpoint's signature; {@code checkpointsBefore} counts the checkpoints before it. */
    void submit(long seq, long checkpointsBefore, PublicKey key, byte[] message, String signature) throws InterruptedIOException {
        Check check = new Check(seq, checkpointsBefore, () -> {
            boolean valid = valid(key, message, signature);
            if (!valid) {
                failed = true;
            }
            return valid;
        });
        pending.addLast(check);
        workers().execute(check);
        // Forget the checks that passed, and keep the backlog bounded on very long ledgers.
        while (!pending.isEmpty() && (pending.size() > maxPending || pending.peekFirst().isDone())) {
            Check oldest = pending.peekFirst();
            oldest.run();
            if (!passed(oldest)) {
                return;
            }
            pending.removeFirst();
        }
    }

    /** Whether a signature is already known to be bad; the caller may stop reading. */
    boolean failed() {
        return failed;
    }

    /** Waits for every queued check, helping with those not started, and returns the first that fails (or null). */
    LedgerVerification firstFailure() throws InterruptedIOException {
        for (Check check : pending) {
            if (failed) {
                break;
            }
            check.run();
        }
        for (Check check : pending) {
            check.run();
            if (!passed(check)) {
                return new LedgerVerification(false, check.seq, check.checkpointsBefore, check.seq,
                        "checkpoint at entry " + check.seq + " has a bad signature");
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private ExecutorService workers() {
        if (workers == null) {
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
            workers = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "ledger-signatures-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    private static boolean passed(Check check) throws InterruptedIOException {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while checking checkpoint signatures");
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** The X.509 SubjectPublicKeyInfo of every Ed25519 key starts with these 12 bytes; the raw key follows. */
    private static final byte[] ED25519_KEY_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * RFC 8032 verification with Bouncy Castle's Ed25519, which is several times faster than JDK 17's
     * (about 1.25 ms a signature there); a key that is not plain Ed25519 falls back to the JDK.
     */
    static boolean valid(PublicKey key, byte[] message, String signature) {
        try {
            byte[] sig = Base64.getDecoder().decode(signature);
            byte[] encoded = key.getEncoded();
            if (encoded != null && encoded.length == 44 && java.util.Arrays.equals(encoded, 0, 12, ED25519_KEY_PREFIX, 0, 12)) {
                return sig.length == org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE
                        && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, encoded, 12, message, 0, message.length);
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(sig);
        } catch (Exception e) {
            return false;
        }
    }
}
