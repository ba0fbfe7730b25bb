package dev.attest.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.TemporalAccessor;
import lombok.RequiredArgsConstructor;

/**
 * The one CSV writer of every export (RFC 4180, CRLF line ends). Text cells that a spreadsheet would
 * take for a formula (starting with {@code = + - @}, a tab or a line break, or their full-width
 * forms) get a leading apostrophe, so that a value someone else typed (a User-Agent, a risk title)
 * is shown as text and never run when the file is opened. Numbers and dates are written as they are.
 * Imports take the apostrophe off again with {@link #unguarded}, so an export re-imports unchanged.
 */
@RequiredArgsConstructor
public final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private final Appendable out;

    /** Writes one record; null is an empty cell. */
    public CsvWriter row(Object... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells[i]));
            }
            out.append("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell as written: guarded when it is text, then quoted when it needs to be. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor
                ? value.toString() : guarded(value.toString());
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || (!text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Text as a spreadsheet will show it, never as a formula. */
    public static String guarded(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The value an export guarded, for an import of that export. */
    public static String unguarded(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0
                ? text.substring(1) : text;
    }
}
