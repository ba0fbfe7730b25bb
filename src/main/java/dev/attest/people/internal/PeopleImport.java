package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.ImportError;
import dev.attest.people.ImportResult;
import dev.attest.people.PeopleImported;
import dev.attest.people.Person;
import dev.attest.people.PersonDetails;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A roster CSV: previewed with every row's errors, then saved whole or not at all. */
@Service
@RequiredArgsConstructor
public class PeopleImport {

    private final PeopleStore store;
    private final PeopleForms forms;
    private final Offboarding offboarding;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Reads a CSV and reports every row's errors without saving anything. */
    @Transactional(readOnly = true)
    public ImportResult preview(WorkspaceId workspace, String csv) {
        return check(workspace, csv).result();
    }

    /** Saves every row of the CSV, or none when any row has an error. */
    @Transactional
    public ImportResult importCsv(WorkspaceId workspace, String csv, String actor) {
        Checked checked = check(workspace, csv);
        if (!checked.result().valid()) {
            return checked.result();
        }
        store.insert(workspace, checked.people());
        for (Person p : checked.people()) {
            if (p.endDate() != null) {
                offboarding.follow(workspace, p);
            }
        }
        events.publishEvent(new PeopleImported(workspace, checked.people().size(), actor));
        return new ImportResult(checked.result().rows(), List.of(), checked.people().size());
    }

    private record Checked(ImportResult result, List<Person> people) {
    }

    private Checked check(WorkspaceId workspace, String csv) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        List<ImportError> errors = new ArrayList<>(parsed.errors());
        Set<String> existing = new HashSet<>(store.emails(workspace));
        Set<String> known = new HashSet<>(existing);
        parsed.rows().stream().map(row -> PersonDetails.email(row.email())).filter(Objects::nonNull).forEach(known::add);
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, UUID> policyIds = forms.policyIndex(workspace);
        List<Person> people = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < parsed.rows().size(); i++) {
            int row = i + 2;
            PeopleForms.Row checked = forms.row(parsed.rows().get(i), policyIds, known::contains);
            Map<String, String> rowErrors = new LinkedHashMap<>(checked.errors());
            String email = checked.details().email();
            if (email != null) {
                Integer earlier = firstRow.putIfAbsent(email, row);
                if (earlier != null) {
                    rowErrors.put("email", "duplicates row " + earlier);
                } else if (existing.contains(email)) {
                    rowErrors.put("email", "is already in the roster");
                }
            }
            if (rowErrors.isEmpty()) {
                people.add(Person.added(checked.details(), null, now));
            }
            rowErrors.forEach((field, message) -> errors.add(new ImportError(row, RosterCsv.column(field), message)));
        }
        errors.sort(Comparator.comparingInt(ImportError::row));
        return new Checked(new ImportResult(parsed.rows().size(), errors, 0), people);
    }
}
