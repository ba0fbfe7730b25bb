package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerVerification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * One pass over an export, as {@link LedgerFormat} describes it. Entry lines, nearly all of the export,
 * are checked on the bytes: the hash input goes to the digest straight from the read buffer and the
 * computed hash is compared with the hex in the file byte by byte. The few other lines are decoded and
 * split as text. Every line must be UTF-8; checkpoint signatures are checked on other threads. The running
 * hash is {@link ChainHead}'s, the keys that count {@link ExportKeys}', the earlier checkpoints to extend
 * {@link AnchorChecks}' and the rule that the head is signed or young {@link HeadFreshness}'.
 */
final class ExportVerification {

    private static final byte[] HEADER = LedgerFormat.HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_HEX = ChainHead.HASH_HEX;

    private final ExportLines lines;
    private final ChainHead chain = new ChainHead();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private final ExportKeys keys;
    private final VerificationPolicy policy;
    private final AnchorChecks anchors;
    private final HeadFreshness freshness;
    private String workspace;
    private long expected = 1;
    /** The first entry the export holds: 1, or where a segment starts. */
    private long segmentStart = 1;
    private long checkpoints;
    private int lineNo;

    private ExportVerification(InputStream in, VerificationPolicy policy) {
        this.lines = new ExportLines(in);
        this.policy = policy;
        this.keys = new ExportKeys(policy);
        this.anchors = new AnchorChecks(policy);
        this.freshness = new HeadFreshness(policy);
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
                what + ", " + checkpoints + " signed checkpoints, head " + chain.head() + anchors.described());
    }

    /**
     * The rules that need the whole ledger: no earlier checkpoint covers more entries than are left
     * (truncation), the one kept outside the database is still there, and the head is signed or young.
     */
    private LedgerVerification afterLastLine() {
        long entries = expected - 1;
        LedgerVerification unmet = anchors.atEnd(entries, this::failure);
        if (unmet != null) {
            return unmet;
        }
        return freshness.atEnd(entries, this::failure);
    }

    /** After an entry matched: records its time when the freshness rule needs it, and compares it with an earlier checkpoint. */
    private LedgerVerification afterEntry(byte[] b, int firstTab, int e) {
        long seq = expected - 1;
        if (freshness.wantsTime()) {
            freshness.firstUnsigned(b, firstTab, e);
        }
        return anchors.due(seq) ? anchors.atEntry(seq, chain.head(), workspace, keys.byId(), checkpoints) : null;
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
            if (firstTab < lastTab && ChainHead.number(b, fields, firstTab) == expected) {
                chain.hash(b, fields, lastTab);
                if (chain.matchesHex(b, hash)) {
                    advance();
                    return freshness.wantsTime() || anchors.due(expected - 1) ? afterEntry(b, firstTab, e) : null;
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
        long seq = ChainHead.number(b, fields, firstTab);
        if (seq < 0) {
            return failure(expected, "line " + lineNo + " has no entry number");
        }
        if (seq != expected) {
            return failure(expected, "entry " + expected + " is missing (found entry " + seq + " on line " + lineNo + ")");
        }
        chain.hash(b, fields, lastTab);
        int hash = lastTab + 1;
        if (e - hash != HASH_HEX || !chain.matchesHex(b, hash)) {
            return new LedgerVerification(false, seq - 1, checkpoints, seq,
                    "entry " + seq + " does not match: its hash should be " + chain.computed());
        }
        advance();
        return afterEntry(b, firstTab, e);
    }

    /** The entry matched: its hash is the running head. */
    private void advance() {
        chain.advance();
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
            return anchors.ofWorkspace(workspace);
        } else if (line.startsWith("public-key\t")) {
            if (!keys.listed(line.split("\t", -1))) {
                return new LedgerVerification(false, 0, 0, null, "line " + lineNo + " is not a public key");
            }
        } else if (line.startsWith("segment\t")) {
            return segment(line.split("\t", -1));
        } else if (line.startsWith("exported-at\t")) {
            if (!freshness.exported(line.split("\t", -1))) {
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
        long from = ChainHead.number(digits, 0, digits.length);
        if (f.length != 3 || from < 1 || !f[2].matches("[0-9a-f]{64}")) {
            return failure(null, "line " + lineNo + " is not a valid segment start");
        }
        if (expected != 1 || checkpoints != 0) {
            return failure(null, "line " + lineNo + ": a segment start after the entries");
        }
        LedgerVerification before = anchors.segmentFrom(from, this::failure);
        if (before != null) {
            return before;
        }
        segmentStart = from;
        expected = from;
        chain.startAt(f[2]);
        return null;
    }

    private LedgerVerification checkpoint(String line, CheckpointSignatures signatures) throws IOException {
        String[] f = line.split("\t", -1);
        PublicKey key = f.length == 6 && f[0].equals("C") && !f[5].isEmpty() ? keys.get(f[4]) : null;
        byte[] digits = f.length == 6 ? f[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
        long seq = ChainHead.number(digits, 0, digits.length);
        if (key == null && seq >= 0 && policy.pinned() && !f[5].isEmpty() && f.length == 6) {
            return new LedgerVerification(false, expected - 1, checkpoints, seq, "checkpoint at entry " + seq + " is signed by key " + f[4]
                    + keys.fingerprintOfUnpinned(f[4])
                    + ", which is not a pinned key of this workspace: its signature proves nothing");
        }
        if (key == null || seq < 0) {
            return new LedgerVerification(false, expected - 1, checkpoints, null, "line " + lineNo + " is not a valid checkpoint");
        }
        // A checkpoint follows the entry it signs, so only the running head is needed.
        if (seq != expected - 1 || !f[2].equals(chain.head())) {
            return new LedgerVerification(false, expected - 1, checkpoints, seq,
                    "checkpoint at entry " + seq + " names a head hash the entries do not produce");
        }
        signatures.submit(seq, checkpoints, key, LedgerFormat.checkpointMessage(workspace, seq, f[2], f[3]), f[5]);
        checkpoints++;
        freshness.signed(seq);
        anchors.checkpointLine(seq, f);
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

    private LedgerVerification notUtf8() {
        return failure(expected, "line " + lineNo + " is not UTF-8 text");
    }

    private LedgerVerification failure(Long firstBad, String message) {
        return new LedgerVerification(false, expected - 1, checkpoints, firstBad, message);
    }
}
