package dev.attest.risks;

import static dev.attest.web.FieldChecks.text;
import static dev.attest.web.FieldChecks.trimmed;
import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.risks.RiskImportRejected.RowError;
import dev.attest.risks.internal.RiskCsv;
import dev.attest.risks.internal.RiskStore;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.TableQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's risk register: records, rates, reviews and removes risks, imports and exports them
 * as CSV, and keeps the yearly risk assessments. Every change publishes an event.
 */
@Service
public class RiskRegister {

    private static final int EXPORT_LIMIT = 100_000;

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;

    private final RiskStore store;
    private final Catalog catalog;
    private final WorkspaceMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RiskRegister(RiskStore store, Catalog catalog, WorkspaceMembers members, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Risk> list(WorkspaceId workspace) {
        return store.all(workspace);
    }

    /** The risks whose title contains the term or whose id it is, by title, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Risk> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    /** The risk; one of another workspace, or none, is a 404. */
    @Transactional(readOnly = true)
    public Risk get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No risk " + id));
    }

    @Transactional
    public Risk record(WorkspaceId workspace, RiskInput input, String actor) {
        Instant now = clock.instant();
        Risk risk = build(workspace, UUID.randomUUID(), input, now, now, actor);
        store.insert(workspace, risk);
        events.publishEvent(new RiskRecorded(workspace, actor, risk.id(), risk.title()));
        return risk;
    }

    @Transactional
    public Risk update(WorkspaceId workspace, UUID id, RiskInput input, String actor) {
        Risk before = get(workspace, id);
        Risk risk = build(workspace, id, input, before.createdAt(), clock.instant(), actor);
        store.update(workspace, risk);
        events.publishEvent(new RiskUpdated(workspace, actor, id, risk.title()));
        return risk;
    }

    /** Records that the risk was reviewed today: its next review falls due in a year. */
    @Transactional
    public Risk markReviewed(WorkspaceId workspace, UUID id, String actor) {
        Risk before = get(workspace, id);
        RiskInput input = RiskInput.of(before);
        input = new RiskInput(input.title(), input.description(), input.category(), input.owner(), input.inherentLikelihood(),
                input.inherentImpact(), input.residualLikelihood(), input.residualImpact(), input.treatment(),
                input.acceptanceApprover(), input.acceptanceExpiresOn(), input.controls(), LocalDate.now(clock).toString());
        Risk risk = build(workspace, id, input, before.createdAt(), clock.instant(), actor);
        store.update(workspace, risk);
        events.publishEvent(new RiskReviewed(workspace, actor, id, risk.title()));
        return risk;
    }

    @Transactional
    public void remove(WorkspaceId workspace, UUID id, String actor) {
        Risk risk = get(workspace, id);
        store.delete(workspace, id);
        events.publishEvent(new RiskRemoved(workspace, actor, id, risk.title()));
    }

    @Transactional(readOnly = true)
    public HeatMap heatMap(WorkspaceId workspace) {
        return store.heatMap(workspace);
    }

    /** One page of the risks whose title, category or owner contains {@code text}, counted and paged by the database. */
    @Transactional(readOnly = true)
    public List<Risk> page(WorkspaceId workspace, String text, TableQuery query) {
        return store.page(workspace, text, query);
    }

    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace, String text) {
        return store.count(workspace, text);
    }

    @Transactional(readOnly = true)
    public String exportCsv(WorkspaceId workspace) {
        return RiskCsv.write(store.all(workspace));
    }

    /** The risks the register shows for {@code text}, in its order, in the import format. */
    @Transactional(readOnly = true)
    public String exportCsv(WorkspaceId workspace, String text, TableQuery order) {
        return RiskCsv.write(store.page(workspace, text, new TableQuery(order.sort(), order.descending(), 1, EXPORT_LIMIT)));
    }

    /** The outcome of an import: how many risks were created and how many updated. */
    public record ImportResult(int created, int updated) {
    }

    /**
     * Imports a CSV file all or nothing: every row is checked first, and any problem refuses the
     * whole file with {@link RiskImportRejected} naming each row and column.
     */
    @Transactional
    public ImportResult importCsv(WorkspaceId workspace, String csv, String actor) {
        List<RiskCsv.Row> rows = RiskCsv.read(csv == null ? "" : csv);
        Instant now = clock.instant();
        List<RowError> errors = new ArrayList<>();
        List<Risk> toCreate = new ArrayList<>();
        List<Risk> toUpdate = new ArrayList<>();
        for (RiskCsv.Row row : rows) {
            UUID id = null;
            Risk existing = null;
            if (row.id() != null) {
                try {
                    id = UUID.fromString(row.id().strip());
                    existing = store.find(workspace, id).orElse(null);
                } catch (IllegalArgumentException e) {
                    // reported below like an unknown id
                }
                if (existing == null) {
                    errors.add(new RowError(row.row(), "id", "no risk with this id in the workspace (leave it empty to create one)"));
                    continue;
                }
            }
            try {
                if (existing == null) {
                    toCreate.add(build(workspace, UUID.randomUUID(), row.input(), now, now, actor));
                } else {
                    toUpdate.add(build(workspace, id, row.input(), existing.createdAt(), now, actor));
                }
            } catch (InvalidFieldException e) {
                e.errors().forEach((field, message) -> errors.add(new RowError(row.row(), column(field), message)));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(2, "row", "the file has no risks"));
        }
        if (!errors.isEmpty()) {
            throw new RiskImportRejected(errors);
        }
        toCreate.forEach(r -> store.insert(workspace, r));
        toUpdate.forEach(r -> store.update(workspace, r));
        events.publishEvent(new RisksImported(workspace, actor, toCreate.size(), toUpdate.size()));
        return new ImportResult(toCreate.size(), toUpdate.size());
    }

    /** The CSV column of an input field, so that import errors name what the file calls it. */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    @Transactional(readOnly = true)
    public List<RiskAssessment> assessments(WorkspaceId workspace) {
        return store.assessments(workspace);
    }

    /** Records a risk assessment (the yearly one the frameworks ask for, or one after a material change). */
    @Transactional
    public RiskAssessment recordAssessment(WorkspaceId workspace, String assessedOn, String summary, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(assessedOn, "assessedOn", true, errors);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            errors.put("assessedOn", "cannot be in the future");
        }
        String text = trimmed(summary);
        if (text == null) {
            errors.put("summary", "say what the assessment found");
        } else if (text.length() > 8000) {
            errors.put("summary", "at most 8000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        RiskAssessment assessment = new RiskAssessment(UUID.randomUUID(), date, text, actor, clock.instant());
        store.insertAssessment(workspace, assessment);
        events.publishEvent(new RiskAssessmentRecorded(workspace, actor, assessment));
        return assessment;
    }

    /** Checks every field of the input and builds the risk, or throws naming every bad field. */
    private Risk build(WorkspaceId workspace, UUID id, RiskInput in, Instant createdAt, Instant now, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(in.title(), "title", MAX_TITLE, true, errors);
        String description = text(in.description(), "description", MAX_TEXT, false, errors);
        String category = text(in.category(), "category", 100, true, errors);
        String owner = trimmed(in.owner());
        if (owner == null) {
            errors.put("owner", "name the member who owns this risk");
        } else {
            var member = members.memberByEmail(workspace, owner);
            if (member.isEmpty()) {
                errors.put("owner", "no member of this workspace has the email " + owner);
            } else {
                owner = member.get().email();
            }
        }
        int il = rating(in.inherentLikelihood(), "inherentLikelihood", errors);
        int ii = rating(in.inherentImpact(), "inherentImpact", errors);
        int rl = rating(in.residualLikelihood(), "residualLikelihood", errors);
        int ri = rating(in.residualImpact(), "residualImpact", errors);
        Treatment treatment = null;
        if (trimmed(in.treatment()) == null) {
            errors.put("treatment", "choose one of " + Treatment.allowed());
        } else {
            treatment = Treatment.fromWireName(in.treatment()).orElse(null);
            if (treatment == null) {
                errors.put("treatment", "'" + in.treatment().strip() + "' is not one of " + Treatment.allowed());
            }
        }
        String approver = text(in.acceptanceApprover(), "acceptanceApprover", 320, false, errors);
        LocalDate expires = date(in.acceptanceExpiresOn(), "acceptanceExpiresOn", false, errors);
        if (treatment == Treatment.ACCEPT) {
            if (approver == null && !errors.containsKey("acceptanceApprover")) {
                errors.put("acceptanceApprover", "an accepted risk needs the name of who accepted it");
            }
            if (expires == null && !errors.containsKey("acceptanceExpiresOn")) {
                errors.put("acceptanceExpiresOn", "an accepted risk needs the date its acceptance expires");
            }
        } else {
            // Approver and expiry belong to an acceptance only; other treatments do not keep stale ones.
            approver = null;
            expires = null;
        }
        LinkedHashSet<String> controls = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String key : in.controls()) {
            String k = key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT);
            if (k.isEmpty()) {
                continue;
            }
            if (catalog.control(k).isPresent()) {
                controls.add(k);
            } else {
                unknown.add(key.strip());
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("controls", "not controls of the catalog: " + String.join(", ", unknown));
        }
        LocalDate reviewed = date(in.reviewedOn(), "reviewedOn", false, errors);
        LocalDate today = LocalDate.now(clock);
        if (reviewed == null) {
            reviewed = today;
        } else if (reviewed.isAfter(today)) {
            errors.put("reviewedOn", "cannot be in the future");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new Risk(id, title, description, category, owner, il, ii, rl, ri, treatment, approver, expires,
                List.copyOf(controls), reviewed, createdAt, now, actor);
    }

    private static int rating(String value, String field, Map<String, String> errors) {
        String v = trimmed(value);
        try {
            int n = v == null ? 0 : Integer.parseInt(v);
            if (n >= 1 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, v == null ? "rate it from 1 to 5" : "'" + v + "' is not a whole number from 1 to 5");
        return 0;
    }

    private static LocalDate date(String value, String field, boolean required, Map<String, String> errors) {
        String v = trimmed(value);
        if (v == null) {
            if (required) {
                errors.put(field, "give a date as YYYY-MM-DD");
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + v + "' is not a date as YYYY-MM-DD");
            return null;
        }
    }
}
