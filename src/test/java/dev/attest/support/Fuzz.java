package dev.attest.support;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A small, bounded mutation fuzzer for the parsers that read outside input. Inputs are grown from a
 * corpus of valid examples by seeded mutations (inserting the characters parsers stumble on: quotes,
 * separators, line breaks, NUL, lone surrogates, byte-order marks, formula starts, huge numbers,
 * deep nesting; deleting, repeating and truncating), so every run tries the same inputs and a
 * failure names the seed, the try and the input, ready to become a plain regression test.
 * Each property is bounded by a number of tries and a time limit, whichever comes first.
 */
public final class Fuzz {

    /** One property over one input: returns normally or throws an exception the parser documents. */
    @FunctionalInterface
    public interface Property {
        void check(String input) throws Exception;
    }

    /** Thrown when a property fails: carries the input that broke it. */
    public static final class Found extends AssertionError {
        Found(String name, long seed, int attempt, String input, Throwable cause) {
            super(name + " failed at try " + attempt + " (seed " + seed + ") on input " + quote(input) + ": " + cause, cause);
        }
    }

    static final List<String> TOKENS = List.of(",", "\"", "'", "\n", "\r\n", "\r", "\u0000", "\uD800", "\uDC00", "\uFEFF", "\u202E",
            "=HYPERLINK(\"http://x\")", "+1", "-", "@", "{", "}", "[", "]", ":", ";", "\\", "\\u0000", "%", "%00", "é", "𝔸",
            "99999999999999999999999999", "-9223372036854775809", "1e400", "NaN", "-0", "null", "true", " ", "\t", "eq", "\"\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":{\"a\":", "</script>", "${x}", "..", "/", "#", "?",
            "&", "=", "+", "*", "(", ")", "|", "2026-02-30", "0000-00-00T00:00:00Z");

    private Fuzz() {
    }

    /**
     * Checks the property over the corpus itself and then over mutations of it, up to {@code tries}
     * inputs or {@code limit} of time.
     */
    public static void run(String name, long seed, int tries, Duration limit, List<String> corpus, Property property) {
        long deadline = System.nanoTime() + limit.toNanos();
        Random random = new Random(seed);
        for (int attempt = 0; attempt < tries && System.nanoTime() < deadline; attempt++) {
            String input = attempt < corpus.size() ? corpus.get(attempt) : mutate(random, corpus.get(random.nextInt(corpus.size())));
            try {
                property.check(input);
            } catch (Throwable t) {
                throw new Found(name, seed, attempt, input, t);
            }
        }
    }

    /** One to four mutations of the text. */
    public static String mutate(Random random, String base) {
        StringBuilder text = new StringBuilder(base);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(7)) {
                case 0, 1 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 2 -> {
                    if (!text.isEmpty()) {
                        int end = Math.min(text.length(), at + 1 + random.nextInt(8));
                        text.delete(Math.min(at, text.length()), end);
                    }
                }
                case 3 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(16));
                    String piece = text.substring(Math.min(at, end), end);
                    text.insert(at, piece.repeat(1 + random.nextInt(4)));
                }
                case 4 -> text.setLength(Math.min(text.length(), at));
                case 5 -> text.insert(at, (char) random.nextInt(0x3000));
                default -> {
                    if (!text.isEmpty()) {
                        int i = Math.min(at, text.length() - 1);
                        text.setCharAt(i, (char) (0x20 + random.nextInt(0x5f)));
                    }
                }
            }
        }
        return text.length() > 20_000 ? text.substring(0, 20_000) : text.toString();
    }

    private static String quote(String input) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (input.length() > 400 ? input.substring(0, 400) + "…" : input).toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c) || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
