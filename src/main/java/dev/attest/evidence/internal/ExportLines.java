package dev.attest.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An export's lines as byte ranges of one large buffer, without a String per line. A line ends at
 * {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine()} has it, and the
 * last line may lack its terminator. No line of an export comes near the buffer's size; a longer one
 * is refused.
 */
final class ExportLines {

    static final int BUFFER_BYTES = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long RETURNS = 0x0d0d0d0d0d0d0d0dL;
    private static final long LOW_BITS = 0x7f7f7f7f7f7f7f7fL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** A line that does not fit the buffer. */
    static final class TooLong extends IOException {
        TooLong() {
            super("line longer than " + BUFFER_BYTES + " bytes", null);
        }
    }

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    /** The last line ended with \r at the end of the buffer: a \n that comes next belongs to it. */
    private boolean skipNewline;
    private int start;
    private int end;

    ExportLines(InputStream in) {
        this(in, BUFFER_BYTES);
    }

    ExportLines(InputStream in, int bufferBytes) {
        this.in = in;
        this.buffer = new byte[bufferBytes];
    }

    /** The buffer that holds the current line between {@link #start()} and {@link #end()}. */
    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    /** Where the current line ends, its terminator excluded. */
    int end() {
        return end;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        if (skipNewline) {
            skipNewline = false;
            if (position == limit) {
                readMore();
            }
            if (position < limit && buffer[position] == '\n') {
                position++;
            }
        }
        int i = position;
        while (true) {
            byte[] b = buffer;
            int stop = limit;
            i = lineEnd(b, i, stop);
            if (i < stop) {
                start = position;
                end = i;
                if (b[i] == '\n') {
                    position = i + 1;
                } else if (i + 1 < stop) {
                    position = b[i + 1] == '\n' ? i + 2 : i + 1;
                } else {
                    position = i + 1;
                    skipNewline = true;
                }
                return true;
            }
            if (endOfInput) {
                if (position == limit) {
                    return false;
                }
                start = position;
                end = limit;
                position = limit;
                return true;
            }
            int scanned = i - position;
            readMore();
            i = position + scanned;
        }
    }

    /** The first \n or \r from {@code from}, or {@code to}; eight bytes at a time. */
    private static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long found = zeroBytes(word ^ NEWLINES) | zeroBytes(word ^ RETURNS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return to;
    }

    /** Whether the bytes from {@code from} to {@code to} are all ASCII; eight at a time. */
    static boolean ascii(byte[] b, int from, int to) {
        long bits = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            bits |= (long) LONGS.get(b, i);
        }
        for (; i < to; i++) {
            bits |= b[i];
        }
        return (bits & HIGH_BITS) == 0;
    }

    /** The high bit of each byte that is zero, and only of those. */
    private static long zeroBytes(long word) {
        return ~(((word & LOW_BITS) + LOW_BITS) | word | LOW_BITS);
    }

    /** Keeps the unread bytes, moved to the buffer's start, and reads at least one more byte or reaches the end. */
    private void readMore() throws IOException {
        int kept = limit - position;
        if (kept == buffer.length) {
            throw new TooLong();
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, kept);
            position = 0;
            limit = kept;
        }
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - limit);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
    }
}
