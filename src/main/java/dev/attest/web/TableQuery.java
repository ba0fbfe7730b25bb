package dev.attest.web;

import java.util.Collection;
import java.util.Locale;

/**
 * How a person or a client asked to see a list: the column it is sorted by, the direction, the
 * page (from 1) and the page size. The API refuses a column or page that names nothing
 * ({@link #strict}, a 400 naming the field); pages fall back to the list's default ({@link #lenient}),
 * since a stale bookmark should still show the list.
 */
public record TableQuery(String sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** The query as given, or an {@link InvalidFieldException} for a column, direction, page or size that names nothing. */
    public static TableQuery strict(String sort, String dir, Integer page, Integer size, Collection<String> columns, String defaultSort,
                                    boolean defaultDescending) {
        String column = blank(sort) ? defaultSort : sort.strip();
        if (!columns.contains(column)) {
            throw new InvalidFieldException("sort", "'" + column + "' is not one of " + String.join(", ", columns));
        }
        Boolean descending = direction(dir, column.equals(defaultSort) && blank(sort) ? defaultDescending : false);
        if (descending == null) {
            throw new InvalidFieldException("dir", "one of asc, desc");
        }
        if (page != null && page < 1) {
            throw new InvalidFieldException("page", "pages count from 1");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw new InvalidFieldException("size", "from 1 to " + MAX_SIZE);
        }
        return new TableQuery(column, descending, page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The query as given where it makes sense, the list's default where it does not. */
    public static TableQuery lenient(String sort, String dir, String page, Collection<String> columns, String defaultSort,
                                     boolean defaultDescending) {
        boolean known = !blank(sort) && columns.contains(sort.strip());
        String column = known ? sort.strip() : defaultSort;
        Boolean descending = direction(dir, known ? false : defaultDescending);
        int number = 1;
        try {
            number = blank(page) ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            // a page that is not a number shows the first one
        }
        return new TableQuery(column, descending == null ? defaultDescending : descending, number, DEFAULT_SIZE);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** How many pages {@code total} rows fill, at least one (an empty list still has its page). */
    public int pages(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** This query with its page moved back to the last one when it lies beyond {@code total}. */
    public TableQuery within(long total) {
        return page <= pages(total) ? this : new TableQuery(sort, descending, pages(total), size);
    }

    /** Refuses a page beyond the last one, for the API. */
    public TableQuery requireWithin(long total) {
        if (page > pages(total)) {
            throw new InvalidFieldException("page", "there " + (pages(total) == 1 ? "is 1 page" : "are " + pages(total) + " pages"));
        }
        return this;
    }

    /**
     * The end of a statement that reads this page: ordered by the SQL of the sorted column (from {@code sorts}, never
     * text from the request) in this direction, then by {@code tieBreak}, with the named parameters {@code limit} and
     * {@code offset} added to {@code params}.
     */
    public String sqlPage(java.util.Map<String, String> sorts, String tieBreak, java.util.Map<String, Object> params) {
        params.put("limit", size);
        params.put("offset", offset());
        return " order by " + sorts.get(sort) + " " + sqlDirection() + ", " + tieBreak + " limit :limit offset :offset";
    }

    /** The SQL direction keyword, never text from the request. */
    public String sqlDirection() {
        return descending ? "desc" : "asc";
    }

    private static Boolean direction(String dir, boolean fallback) {
        if (blank(dir)) {
            return fallback;
        }
        return switch (dir.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> null;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
