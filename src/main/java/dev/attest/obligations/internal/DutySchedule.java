package dev.attest.obligations.internal;

import java.time.LocalDate;

/**
 * When a recurring duty falls due next. Occurrences are counted from the first due date (the
 * anchor), so a quarterly review first due on 31 January falls on 30 April, 31 July, 31 October,
 * never drifting to the 28th. Done on time (or early), the next occurrence is the one after the
 * current due date; done late, it is the first occurrence after the day it was done, so that a
 * late review does not leave the next one already overdue.
 */
final class DutySchedule {

    private DutySchedule() {
    }

    static LocalDate next(LocalDate anchor, int months, LocalDate due, LocalDate doneOn) {
        LocalDate after = doneOn.isAfter(due) ? doneOn : due;
        int n = 1;
        LocalDate candidate = anchor.plusMonths(months);
        while (!candidate.isAfter(after)) {
            n++;
            candidate = anchor.plusMonths((long) n * months);
        }
        return candidate;
    }
}
