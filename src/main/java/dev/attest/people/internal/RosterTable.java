package dev.attest.people.internal;

import dev.attest.people.Person;
import dev.attest.people.PersonCompliance;
import dev.attest.web.CsvWriter;

import java.util.List;

/** The roster as a CSV file: one row a person, with their done, due and overdue counts as the list shows them. */
final class RosterTable {

    /** The most rows one export writes. */
    static final int CSV_LIMIT = 100_000;

    private RosterTable() {
    }

    static void csv(List<PersonCompliance> rows, Appendable out) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("id", "name", "email", "title", "department", "manager_email", "employment_type", "start_date", "end_date", "done", "due",
                "overdue", "state");
        for (PersonCompliance r : rows) {
            Person p = r.person();
            csv.row(p.id(), p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(), p.startDate(),
                    p.endDate(), r.done(), r.due(), r.overdue(), r.state());
        }
    }
}
