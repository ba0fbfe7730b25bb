package dev.attest.obligations;

import dev.attest.identity.WorkspaceId;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every obligation that every module reports, soonest first, each marked overdue or not: what the
 * dashboard reads to say what is late, and what is next.
 */
public interface ObligationCalendar {

    /** All obligations of the workspace, soonest first. */
    List<CalendarEntry> entries(WorkspaceId workspace);

    /** How many obligations of each kind are overdue now, by kind (kinds with none left out). */
    default Map<String, Long> overdueByKind(WorkspaceId workspace) {
        Map<String, Long> counts = new TreeMap<>();
        for (CalendarEntry e : entries(workspace)) {
            if (e.overdue()) {
                counts.merge(e.obligation().kind(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
