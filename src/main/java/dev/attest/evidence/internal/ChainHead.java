package dev.attest.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The running head of a chain being read, kept as bytes: an entry's hash input goes to the digest straight
 * from the read buffer, and the computed hash is compared with the hex in the file byte by byte.
 */
final class ChainHead {

    static final int HASH_HEX = 64;
    /** The two lowercase hex digits of every byte value, at twice its value. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 256; i++) {
            HEX_PAIRS[2 * i] = digits[i >> 4];
            HEX_PAIRS[2 * i + 1] = digits[i & 0xf];
        }
    }

    private final MessageDigest digest = LedgerFormat.sha256();
    /** The running head's hash in hex, followed by the newline that comes before an entry's fields in its hash input. */
    private byte[] previous = new byte[HASH_HEX + 1];
    /** The hash just computed, in hex and followed by a newline: the next entry's {@link #previous} when it matches. */
    private byte[] computedHex = new byte[HASH_HEX + 1];
    private final byte[] computed = new byte[32];

    /** A chain at the genesis hash. */
    ChainHead() {
        Arrays.fill(previous, (byte) '0');
        previous[HASH_HEX] = '\n';
        computedHex[HASH_HEX] = '\n';
    }

    /** Computes the hash of the entry whose fields are the bytes of {@code b} from {@code from} up to {@code to}, chained to the head. */
    void hash(byte[] b, int from, int to) {
        digest.update(previous);
        digest.update(b, from, to - from);
        try {
            digest.digest(computed, 0, computed.length);
        } catch (DigestException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether the file has the computed hash, in lowercase hex, at {@code at}. */
    boolean matchesHex(byte[] b, int at) {
        byte[] hex = computedHex;
        for (int i = 0; i < computed.length; i++) {
            int pair = (computed[i] & 0xff) << 1;
            hex[2 * i] = HEX_PAIRS[pair];
            hex[2 * i + 1] = HEX_PAIRS[pair + 1];
        }
        return Arrays.equals(b, at, at + HASH_HEX, hex, 0, HASH_HEX);
    }

    /** The entry matched: its hash becomes the head. */
    void advance() {
        byte[] head = computedHex;
        computedHex = previous;
        previous = head;
    }

    /** Starts the chain at another hash (64 lowercase hex digits), where a segment begins. */
    void startAt(String hash) {
        System.arraycopy(hash.getBytes(StandardCharsets.US_ASCII), 0, previous, 0, HASH_HEX);
    }

    /** The head's hash in hex. */
    String head() {
        return new String(previous, 0, HASH_HEX, StandardCharsets.US_ASCII);
    }

    /** The hash just computed, in hex. */
    String computed() {
        return HexFormat.of().formatHex(computed);
    }

    /** Decimal digits only; -1 when there are none, or too many. */
    static long number(byte[] b, int from, int to) {
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
}
