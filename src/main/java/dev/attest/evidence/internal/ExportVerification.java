package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerVerification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * One pass over an export, as {@link LedgerFormat} describes it. Entry lines, nearly all of the export,
 * are checked on the bytes: the hash input goes to the digest straight from the read buffer and the
 * computed hash is compared with the hex in the file byte by byte. The few other lines are decoded and
 * split as text. Every line must be UTF-8; checkpoint signatures are checked on other threads.
 */
final class ExportVerification {

    private static final byte[] HEADER = LedgerFormat.HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_HEX = 64;
    /** The two lowercase hex digits of every byte value, at twice its value. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 256; i++) {
            HEX_PAIRS[2 * i] = digits[i >> 4];
            HEX_PAIRS[2 * i + 1] = digits[i & 0xf];
        }
    }

    private final ExportLines lines;
    private final MessageDigest digest = LedgerFormat.sha256();
    /** The running head's hash in hex, followed by the newline that comes before an entry's fields in its hash input. */
    private byte[] previous = new byte[HASH_HEX + 1];
    /** The hash just computed, in hex and followed by a newline: the next entry's {@link #previous} when it matches. */
    private byte[] computedHex = new byte[HASH_HEX + 1];
    private final byte[] computed = new byte[32];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private final Map<String, PublicKey> keys = new HashMap<>();
    /** Key ids the export lists with a key that is not pinned: named in the failure of a checkpoint they sign. */
    private final Map<String, String> unpinnedKeys = new HashMap<>();
    private final VerificationPolicy policy;
    private final boolean[] anchorPresent;
    private int nextAnchor;
    /** The entry the next earlier checkpoint covers, or Long.MAX_VALUE when none is left to match. */
    private long nextAnchorSeq = Long.MAX_VALUE;
    private long lastCheckpointSeq;
    /** Whether the next entry is the first one after the newest checkpoint, whose time the freshness rule needs. */
    private boolean captureTime = true;
    private String firstUnsignedAt;
    private Instant exportedAt;
    private Duration exportInterval;
    private String workspace;
    private long expected = 1;
    /** The first entry the export holds: 1, or where a segment starts. */
    private long segmentStart = 1;
    private long checkpoints;
    private int lineNo;

    private ExportVerification(InputStream in, VerificationPolicy policy) {
        this.lines = new ExportLines(in);
        this.policy = policy;
        this.keys.putAll(policy.pinnedKeys());
        this.anchorPresent = new boolean[policy.anchors().size()];
        if (!policy.anchors().isEmpty()) {
            nextAnchorSeq = policy.anchors().get(0).checkpoint().count();
        }
        Arrays.fill(previous, (byte) '0');
        previous[HASH_HEX] = '\n';
        computedHex[HASH_HEX] = '\n';
    }

    static LedgerVerification verify(InputStream in, VerificationPolicy policy) throws IOException {
        return new ExportVerification(in, policy).run();
    }

    private LedgerVerification run() throws IOException {
        try (CheckpointSignatures signatures = new CheckpointSignatures()) {
            LedgerVerification found;
            try {
                found = scan(signatures);
            } catch (ExportLines.TooLong e) {
                found = failure(expected, "line " + (lineNo + 1) + " is too long to be part of a ledger export");
            }
            // Signatures still being checked come from lines before anything the scan found.
            LedgerVerification badSignature = signatures.firstFailure();
            if (badSignature != null) {
                return badSignature;
            }
            if (found != null) {
                return found;
            }
        }
        LedgerVerification unmet = afterLastLine();
        if (unmet != null) {
            return unmet;
        }
        long entries = expected - 1;
        String what = segmentStart == 1 ? "ledger verifies: " + entries + " entries"
                : "ledger segment verifies: entries " + segmentStart + " to " + entries;
        return new LedgerVerification(true, entries, checkpoints, null,
                what + ", " + checkpoints + " signed checkpoints, head " + head()
                        + (policy.anchors().isEmpty() ? "" : "; it extends " + describeAnchors()));
    }

    private String describeAnchors() {
        return policy.anchors().stream().map(a -> a.origin() + " (" + a.checkpoint().count() + " entries)")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The rules that need the whole ledger: no earlier checkpoint covers more entries than are left
     * (truncation), the one kept outside the database is still there, and the head is signed or young.
     */
    private LedgerVerification afterLastLine() {
        long entries = expected - 1;
        for (int i = 0; i < anchorPresent.length; i++) {
            VerificationPolicy.Anchor anchor = policy.anchors().get(i);
            if (anchor.checkpoint().count() > entries) {
                return failure(entries + 1, "the ledger ends at entry " + entries + ", but " + anchor.origin() + " (signed "
                        + anchor.checkpoint().time() + ") covers " + anchor.checkpoint().count()
                        + " entries: entries were removed from its end");
            }
            if (!anchorPresent[i]) {
                return failure(anchor.checkpoint().count(), "the checkpoint at entry " + anchor.checkpoint().count() + ", "
                        + anchor.origin() + ", is missing from the ledger");
            }
        }
        Instant now = policy.now() != null ? policy.now() : exportedAt;
        Duration allowed = policy.maxUnsigned() != null ? policy.maxUnsigned() : exportInterval;
        if (now == null || allowed == null || lastCheckpointSeq == entries) {
            return null;
        }
        Instant waitingSince;
        try {
            waitingSince = Instant.parse(firstUnsignedAt);
        } catch (RuntimeException e) {
            return failure(lastCheckpointSeq + 1, "entry " + (lastCheckpointSeq + 1) + " has no valid time");
        }
        if (Duration.between(waitingSince, now).compareTo(allowed) > 0) {
            String newest = lastCheckpointSeq == 0 ? "there is no signed checkpoint at all"
                    : "the newest signed checkpoint covers entry " + lastCheckpointSeq;
            return failure(lastCheckpointSeq + 1, "the head is not covered by a recent signed checkpoint: " + newest
                    + ", and entries " + (lastCheckpointSeq + 1) + " to " + entries + " have waited since " + firstUnsignedAt
                    + ", longer than the checkpoint interval allows (" + allowed + "); checkpoints were deleted or signing stopped");
        }
        return null;
    }

    /** After an entry matched: records its time when the freshness rule needs it, and compares it with an earlier checkpoint. */
    private LedgerVerification afterEntry(byte[] b, int firstTab, int e) {
        long seq = expected - 1;
        if (captureTime) {
            int end = firstTab + 1;
            while (end < e && b[end] != '\t') {
                end++;
            }
            firstUnsignedAt = new String(b, firstTab + 1, end - firstTab - 1, StandardCharsets.UTF_8);
            captureTime = false;
        }
        while (seq == nextAnchorSeq) {
            VerificationPolicy.Anchor anchor = policy.anchors().get(nextAnchor);
            LedgerCheckpoint given = anchor.checkpoint();
            if (!head().equals(given.hash())) {
                return new LedgerVerification(false, seq - 1, checkpoints, seq, "entry " + seq + " does not match " + anchor.origin()
                        + " (signed " + given.time() + "): the ledger was rewritten at or before entry " + seq);
            }
            PublicKey key = keys.get(given.keyId());
            if (key == null || !CheckpointSignatures.valid(key, LedgerFormat.checkpointMessage(workspace, seq, given.hash(), given.time()),
                    given.signature())) {
                return new LedgerVerification(false, seq, checkpoints, seq, anchor.origin() + " at entry " + seq
                        + " is not signed by a " + (policy.pinned() ? "pinned " : "") + "key of this workspace");
            }
            nextAnchor++;
            nextAnchorSeq = nextAnchor < policy.anchors().size() ? policy.anchors().get(nextAnchor).checkpoint().count() : Long.MAX_VALUE;
        }
        return null;
    }

    /** Reads to the end or to the first line that does not verify; returns that line's failure, else null. */
    private LedgerVerification scan(CheckpointSignatures signatures) throws IOException {
        if (!lines.next() || !Arrays.equals(lines.bytes(), lines.start(), lines.end(), HEADER, 0, HEADER.length)) {
            return new LedgerVerification(false, 0, 0, null,
                    "not an Attest ledger export (first line must be '" + LedgerFormat.HEADER.replace('\t', ' ') + "')");
        }
        lineNo = 1;
        while (lines.next()) {
            lineNo++;
            byte[] b = lines.bytes();
            int s = lines.start();
            int e = lines.end();
            if (s == e) {
                continue;
            }
            LedgerVerification failure = b[s] == 'E' ? entry(b, s, e) : other(b, s, e, signatures);
            if (failure != null) {
                return failure;
            }
            if (signatures.failed()) {
                return null;
            }
        }
        return null;
    }

    /**
     * An entry whose line has the shape the server writes (ASCII, "E", a tab, the fields, a tab, 64
     * characters) and whose hash matches: then only the entry number needs a scan. Anything else goes to
     * {@link #checkedEntry}, which reads the line the long way and names what is wrong.
     */
    private LedgerVerification entry(byte[] b, int s, int e) {
        int fields = s + 2;
        int hash = e - HASH_HEX;
        int lastTab = hash - 1;
        if (lastTab > fields && b[s + 1] == '\t' && b[lastTab] == '\t' && ExportLines.ascii(b, s, e)) {
            int firstTab = fields;
            while (b[firstTab] != '\t') {
                firstTab++;
            }
            if (firstTab < lastTab && number(b, fields, firstTab) == expected) {
                digest.update(previous);
                digest.update(b, fields, lastTab - fields);
                digest();
                if (matchesHex(b, hash)) {
                    advance();
                    return captureTime || expected - 1 == nextAnchorSeq ? afterEntry(b, firstTab, e) : null;
                }
            }
        }
        return checkedEntry(b, s, e);
    }

    private LedgerVerification checkedEntry(byte[] b, int s, int e) {
        int fields = s + 2;
        if (e < fields || b[s + 1] != '\t') {
            return text(b, s, e) == null ? notUtf8() : failure(expected, "line " + lineNo + " is not a ledger entry");
        }
        int firstTab = -1;
        int lastTab = -1;
        int bits = 0;
        for (int i = fields; i < e; i++) {
            byte c = b[i];
            bits |= c;
            if (c == '\t') {
                if (firstTab < 0) {
                    firstTab = i;
                }
                lastTab = i;
            }
        }
        if (bits < 0 && text(b, s, e) == null) {
            return notUtf8();
        }
        if (lastTab <= fields) {
            return failure(expected, "line " + lineNo + " is not a ledger entry");
        }
        long seq = number(b, fields, firstTab);
        if (seq < 0) {
            return failure(expected, "line " + lineNo + " has no entry number");
        }
        if (seq != expected) {
            return failure(expected, "entry " + expected + " is missing (found entry " + seq + " on line " + lineNo + ")");
        }
        digest.update(previous);
        digest.update(b, fields, lastTab - fields);
        digest();
        int hash = lastTab + 1;
        if (e - hash != HASH_HEX || !matchesHex(b, hash)) {
            return new LedgerVerification(false, seq - 1, checkpoints, seq,
                    "entry " + seq + " does not match: its hash should be " + HexFormat.of().formatHex(computed));
        }
        advance();
        return afterEntry(b, firstTab, e);
    }

    private void digest() {
        try {
            digest.digest(computed, 0, computed.length);
        } catch (DigestException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Decimal digits only; -1 when there are none, or too many. */
    private static long number(byte[] b, int from, int to) {
        if (from == to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Whether the file has the computed hash, in lowercase hex, at {@code at}. */
    private boolean matchesHex(byte[] b, int at) {
        byte[] hex = computedHex;
        for (int i = 0; i < computed.length; i++) {
            int pair = (computed[i] & 0xff) << 1;
            hex[2 * i] = HEX_PAIRS[pair];
            hex[2 * i + 1] = HEX_PAIRS[pair + 1];
        }
        return Arrays.equals(b, at, at + HASH_HEX, hex, 0, HASH_HEX);
    }

    /** The entry matched: its hash is the running head. */
    private void advance() {
        byte[] head = computedHex;
        computedHex = previous;
        previous = head;
        expected++;
    }

    /** Checkpoints, the workspace and its public keys: a handful of lines, read as text. */
    private LedgerVerification other(byte[] b, int s, int e, CheckpointSignatures signatures) throws IOException {
        String line = text(b, s, e);
        if (line == null) {
            return notUtf8();
        }
        if (line.charAt(0) == 'C') {
            return checkpoint(line, signatures);
        } else if (line.startsWith("workspace\t")) {
            workspace = line.substring(10);
            for (VerificationPolicy.Anchor anchor : policy.anchors()) {
                if (!workspace.equals(anchor.checkpoint().workspace())) {
                    return new LedgerVerification(false, 0, 0, null, anchor.origin() + " is of workspace "
                            + anchor.checkpoint().workspace() + ", not of this ledger's workspace " + workspace);
                }
            }
        } else if (line.startsWith("public-key\t")) {
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                return new LedgerVerification(false, 0, 0, null, "line " + lineNo + " is not a public key");
            }
            PublicKey key;
            try {
                key = LedgerFormat.publicKey(f[2]);
            } catch (IllegalArgumentException notAKey) {
                return new LedgerVerification(false, 0, 0, null, "line " + lineNo + " is not a public key");
            }
            // A key the database (or whoever wrote the export) lists counts only when it is pinned.
            String fingerprint = LedgerFormat.fingerprint(key);
            if (!policy.pinned() || policy.pinnedFingerprints().contains(fingerprint)) {
                keys.putIfAbsent(f[1], key);
            } else {
                unpinnedKeys.put(f[1], fingerprint);
            }
        } else if (line.startsWith("segment\t")) {
            return segment(line.split("\t", -1));
        } else if (line.startsWith("exported-at\t")) {
            String[] f = line.split("\t", -1);
            try {
                exportedAt = Instant.parse(f[1]);
                exportInterval = f.length > 2 ? Duration.parse(f[2]) : null;
            } catch (RuntimeException badTime) {
                return new LedgerVerification(false, 0, 0, null, "line " + lineNo + " does not give the export's time and checkpoint interval");
            }
        } else {
            return new LedgerVerification(false, expected - 1, checkpoints, null, "line " + lineNo + " is not part of a ledger export");
        }
        return null;
    }

    /**
     * {@code segment FROM PREVIOUS_HASH}: the export holds entries from FROM on, chained to the hash of the
     * entry before it; it comes before the first entry.
     */
    private LedgerVerification segment(String[] f) {
        byte[] digits = f.length == 3 ? f[1].getBytes(StandardCharsets.US_ASCII) : new byte[0];
        long from = number(digits, 0, digits.length);
        if (f.length != 3 || from < 1 || !f[2].matches("[0-9a-f]{64}")) {
            return failure(null, "line " + lineNo + " is not a valid segment start");
        }
        if (expected != 1 || checkpoints != 0) {
            return failure(null, "line " + lineNo + ": a segment start after the entries");
        }
        for (VerificationPolicy.Anchor anchor : policy.anchors()) {
            if (anchor.checkpoint().count() < from) {
                return failure(from, anchor.origin() + " covers entry " + anchor.checkpoint().count() + ", before this segment of the ledger "
                        + "starts (entry " + from + "): verify it against a whole export");
            }
        }
        segmentStart = from;
        expected = from;
        System.arraycopy(f[2].getBytes(StandardCharsets.US_ASCII), 0, previous, 0, HASH_HEX);
        return null;
    }

    private LedgerVerification checkpoint(String line, CheckpointSignatures signatures) throws IOException {
        String[] f = line.split("\t", -1);
        PublicKey key = f.length == 6 && f[0].equals("C") && !f[5].isEmpty() ? keys.get(f[4]) : null;
        byte[] digits = f.length == 6 ? f[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
        long seq = number(digits, 0, digits.length);
        if (key == null && seq >= 0 && policy.pinned() && !f[5].isEmpty() && f.length == 6) {
            return new LedgerVerification(false, expected - 1, checkpoints, seq, "checkpoint at entry " + seq + " is signed by key " + f[4]
                    + (unpinnedKeys.containsKey(f[4]) ? " (fingerprint " + unpinnedKeys.get(f[4]) + ")" : "")
                    + ", which is not a pinned key of this workspace: its signature proves nothing");
        }
        if (key == null || seq < 0) {
            return new LedgerVerification(false, expected - 1, checkpoints, null, "line " + lineNo + " is not a valid checkpoint");
        }
        // A checkpoint follows the entry it signs, so only the running head is needed.
        if (seq != expected - 1 || !f[2].equals(head())) {
            return new LedgerVerification(false, expected - 1, checkpoints, seq,
                    "checkpoint at entry " + seq + " names a head hash the entries do not produce");
        }
        signatures.submit(seq, checkpoints, key, LedgerFormat.checkpointMessage(workspace, seq, f[2], f[3]), f[5]);
        checkpoints++;
        lastCheckpointSeq = seq;
        captureTime = true;
        firstUnsignedAt = null;
        for (int i = 0; i < anchorPresent.length; i++) {
            LedgerCheckpoint anchor = policy.anchors().get(i).checkpoint();
            if (anchor.count() == seq && anchor.hash().equals(f[2]) && anchor.time().equals(f[3]) && anchor.signature().equals(f[5])) {
                anchorPresent[i] = true;
            }
        }
        return null;
    }

    /** The line as text, or null when it is not UTF-8. */
    private String text(byte[] b, int s, int e) {
        try {
            return utf8.decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException e1) {
            return null;
        }
    }

    private String head() {
        return new String(previous, 0, HASH_HEX, StandardCharsets.US_ASCII);
    }

    private LedgerVerification notUtf8() {
        return failure(expected, "line " + lineNo + " is not UTF-8 text");
    }

    private LedgerVerification failure(Long firstBad, String message) {
        return new LedgerVerification(false, expected - 1, checkpoints, firstBad, message);
    }
}
