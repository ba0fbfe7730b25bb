package dev.attest.web;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list with what the shared table fragment ({@code web/table.html}) needs to draw
 * sortable headers, the pager with its counts, and links that keep the list's filters.
 *
 * @param total   how many rows match in all, counted by the database
 * @param path    the list's own address, without query
 * @param filters the list's filter parameters, kept in every link; blank ones are left out
 */
public record TablePage<T>(List<T> items, long total, TableQuery query, String path, Map<String, String> filters) {

    public TablePage {
        items = List.copyOf(items);
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        filters = kept;
    }

    public boolean empty() {
        return items.isEmpty();
    }

    /** True when the list is empty because of its filters, not because nothing exists yet. */
    public boolean filtered() {
        return !filters.isEmpty();
    }

    public int pages() {
        return query.pages(total);
    }

    /** The 1-based position of the first row shown. */
    public long first() {
        return items.isEmpty() ? 0 : query.offset() + 1L;
    }

    public long last() {
        return query.offset() + (long) items.size();
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pages();
    }

    /** The link a column's header points to: sorted by it, ascending first, the other way when it already is. */
    public String sortHref(String column) {
        boolean descending = column.equals(query.sort()) && !query.descending();
        return href(column, descending, 1);
    }

    public String pageHref(int page) {
        return href(query.sort(), query.descending(), page);
    }

    /** The same list, filtered and sorted alike, at another address (its CSV export). */
    public String hrefAt(String otherPath) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(otherPath);
        filters.forEach(uri::queryParam);
        return uri.queryParam("sort", query.sort()).queryParam("dir", query.sqlDirection()).encode().build().toUriString();
    }

    /** The {@code aria-sort} value of a column's header. */
    public String ariaSort(String column) {
        return !column.equals(query.sort()) ? "none" : query.descending() ? "descending" : "ascending";
    }

    private String href(String sort, boolean descending, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filters.forEach(uri::queryParam);
        uri.queryParam("sort", sort).queryParam("dir", descending ? "desc" : "asc");
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
