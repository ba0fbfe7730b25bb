package dev.attest.evidence.internal;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportLinesTest {

    /** Hands out a few bytes per read, so that lines and \r\n pairs straddle reads. */
    private static InputStream trickle(byte[] bytes, Random random) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
    }

    private static List<String> lines(InputStream in, int bufferBytes) throws IOException {
        ExportLines lines = new ExportLines(in, bufferBytes);
        List<String> found = new ArrayList<>();
        while (lines.next()) {
            found.add(new String(lines.bytes(), lines.start(), lines.end() - lines.start(), StandardCharsets.ISO_8859_1));
        }
        return found;
    }

    private static List<String> readLines(byte[] bytes) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1));
        List<String> found = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            found.add(line);
        }
        return found;
    }

    @Test
    void splitsLinesExactlyAsBufferedReaderDoesWhateverTheReadsAndTheBufferSize() throws IOException {
        Random random = new Random(42);
        // bytes next to \n and \r, with and without the high bit, to catch a wrong eight-bytes-at-a-time search
        byte[] alphabet = "ab\t\r\n\r\n\u000b\u000c\u0000\u008a\u008d\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = new byte[random.nextInt(round < 1000 ? 20 : 120)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int longest = readLines(bytes).stream().mapToInt(String::length).max().orElse(0);
            int buffer = longest + 1 + random.nextInt(4);
            assertThat(lines(trickle(bytes, random), buffer)).as("%s with a %d-byte buffer", java.util.Arrays.toString(bytes), buffer)
                    .isEqualTo(readLines(bytes));
        }
    }

    @Test
    void findsTheHighBitAnywhereInARange() {
        byte[] bytes = new byte[40];
        java.util.Arrays.fill(bytes, (byte) 'a');
        assertThat(ExportLines.ascii(bytes, 0, 40)).isTrue();
        for (int at = 0; at < 40; at++) {
            bytes[at] = (byte) 0x80;
            assertThat(ExportLines.ascii(bytes, 0, 40)).as("high bit at %d", at).isFalse();
            assertThat(ExportLines.ascii(bytes, at + 1, 40)).isTrue();
            assertThat(ExportLines.ascii(bytes, 0, at)).isTrue();
            bytes[at] = 'a';
        }
    }

    @Test
    void aLineLongerThanTheBufferIsRefused() {
        byte[] bytes = "short\nmuch too long for the buffer\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> lines(new ByteArrayInputStream(bytes), 16)).isInstanceOf(ExportLines.TooLong.class);
    }
}
