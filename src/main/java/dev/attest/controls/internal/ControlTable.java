package dev.attest.controls.internal;

import dev.attest.controls.ControlState;
import dev.attest.web.CsvWriter;
import dev.attest.web.TableQuery;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control library as a table: its sortable columns and CSV. The library is the catalog's data
 * files joined with the workspace's states, about 130 rows, so it is sorted and paged in memory.
 */
final class ControlTable {

    static final Map<String, Comparator<ControlState>> SORTS = new LinkedHashMap<>();

    static {
        Comparator<ControlState> byKey = Comparator.comparing(s -> s.control().key().value());
        SORTS.put("key", byKey);
        SORTS.put("name", Comparator.<ControlState, String>comparing(s -> s.control().name()).thenComparing(byKey));
        SORTS.put("domain", Comparator.<ControlState, String>comparing(s -> s.control().domain()).thenComparing(byKey));
        SORTS.put("status", Comparator.<ControlState, Integer>comparing(s -> s.status().ordinal()).thenComparing(byKey));
        SORTS.put("owner", Comparator.<ControlState, String>comparing(s -> s.owner() == null ? "\uffff" : s.owner()).thenComparing(byKey));
    }

    private ControlTable() {
    }

    static List<ControlState> sorted(List<ControlState> states, TableQuery query) {
        Comparator<ControlState> order = SORTS.get(query.sort());
        return states.stream().sorted(query.descending() ? order.reversed() : order).toList();
    }

    static List<ControlState> page(List<ControlState> sorted, TableQuery query) {
        int from = Math.min(query.offset(), sorted.size());
        return sorted.subList(from, Math.min(from + query.size(), sorted.size()));
    }

    static void csv(List<ControlState> states, Appendable out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("key", "name", "domain", "status", "owner", "justification", "updated_at", "updated_by");
        for (ControlState s : states) {
            csv.row(s.control().key().value(), s.control().name(), s.control().domain(), s.status().wireName(), s.owner(),
                    s.justification(), s.updatedAt(), s.updatedBy());
        }
    }
}
