package dev.attest.people.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.people.BackgroundCheck;
import dev.attest.people.ComplianceSummary;
import dev.attest.people.ImportResult;
import dev.attest.people.Item;
import dev.attest.people.ItemState;
import dev.attest.people.OffboardingTask;
import dev.attest.people.Person;
import dev.attest.people.PersonCompliance;
import dev.attest.people.PersonStatus;
import dev.attest.people.Training;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.TableQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "The workforce roster, CSV import, onboarding and offboarding")
@RequiredArgsConstructor
class PeopleApi {

    static final Set<String> PERSON_FIELDS = Set.of("name", "email", "title", "department", "managerEmail", "employmentType",
            "startDate", "endDate", "requiredPolicies");

    private final Roster people;
    private final PeopleForms forms;
    private final PeopleImport imports;
    private final Offboarding offboarding;
    private final Trainings trainings;
    private final BackgroundChecks checks;
    private final ScimTokens scimTokens;

    record PersonView(UUID id, String name, String email, String title, String department, String managerEmail,
                      String employmentType, LocalDate startDate, LocalDate endDate, List<UUID> requiredPolicies, String externalId,
                      long done, long due, long overdue, boolean fullyCompliant) {

        static PersonView of(PersonStatus s) {
            Person p = s.person();
            return new PersonView(p.id(), p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(),
                    p.startDate(), p.endDate(), p.requiredPolicies(), p.externalId(), s.count(ItemState.DONE), s.count(ItemState.DUE),
                    s.count(ItemState.OVERDUE), s.fullyCompliant());
        }

        static PersonView of(PersonCompliance c) {
            Person p = c.person();
            return new PersonView(p.id(), p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(),
                    p.startDate(), p.endDate(), p.requiredPolicies(), p.externalId(), c.done(), c.due(), c.overdue(), c.fullyCompliant());
        }
    }

    record ItemView(String kind, String key, String title, String state, String due, String doneAt, String detail) {
        static ItemView of(Item i) {
            return new ItemView(i.kind(), i.key(), i.title(), i.state().wireName(), String.valueOf(i.due()),
                    i.doneAt() == null ? null : i.doneAt().toString(), i.detail());
        }
    }

    record PersonDetail(PersonView person, List<ItemView> items, BackgroundCheck backgroundCheck, List<Training> trainings,
                        List<OffboardingTask> offboarding) {
    }

    record Compliance(int people, int fullyCompliant, double share) {
    }

    @GetMapping
    @RequiresPermission(Permission.PEOPLE_READ)
    @Operation(summary = "The roster with each person's done, due and overdue counts")
    List<PersonView> list(CurrentUser user) {
        return people.roster(user.workspaceId(), new ComplianceStore.Filter(null, null), new TableQuery("name", false, 1, Integer.MAX_VALUE))
                .stream().map(PersonView::of).toList();
    }

    @GetMapping("/compliance")
    @RequiresPermission(Permission.PEOPLE_READ)
    @Operation(summary = "How many people are fully compliant (everything done), and their share")
    Compliance compliance(CurrentUser user) {
        ComplianceSummary summary = people.compliance(user.workspaceId());
        return new Compliance(summary.people(), summary.compliant(),
                summary.people() == 0 ? 1.0 : (double) summary.compliant() / summary.people());
    }

    @PostMapping
    @RequiresPermission(Permission.PEOPLE_WRITE)
    @Operation(summary = "Add a person by hand")
    ResponseEntity<PersonView> add(CurrentUser user, @RequestBody Map<String, Object> body) {
        PersonForm form = input(body);
        Person p = people.add(user.workspaceId(), forms.person(user.workspaceId(), null, form), null, user.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(PersonView.of(people.status(user.workspaceId(), p.id())));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.PEOPLE_READ)
    @Operation(summary = "One person with every onboarding and offboarding item; the background-check outcome only for admins")
    PersonDetail get(CurrentUser user, @PathVariable UUID id) {
        PersonStatus s = people.status(user.workspaceId(), id);
        return new PersonDetail(PersonView.of(s), s.items().stream().map(ItemView::of).toList(),
                checks.backgroundCheck(user.workspaceId(), id, user.can(Permission.PEOPLE_SENSITIVE)).orElse(null),
                trainings.trainings(user.workspaceId(), id), offboarding.tasks(user.workspaceId(), id));
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    @Operation(summary = "Replace a person's roster fields; an end date opens the access revocations")
    PersonView replace(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
        PersonForm form = input(body);
        people.update(user.workspaceId(), id, forms.person(user.workspaceId(), people.get(user.workspaceId(), id), form), user.actor());
        return PersonView.of(people.status(user.workspaceId(), id));
    }

    @PostMapping("/import")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    @Operation(summary = "Import a roster CSV sent as text/csv (dryRun=true previews); any error saves nothing and lists row and field")
    ResponseEntity<?> importCsv(CurrentUser user, @RequestBody(required = false) String csv,
                                @RequestParam(defaultValue = "false") boolean dryRun) {
        ImportResult result = dryRun ? imports.preview(user.workspaceId(), csv) : imports.importCsv(user.workspaceId(), csv, user.actor());
        if (!result.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    result.errors().size() + " error(s) in the file; nothing was saved");
            problem.setTitle("Invalid roster");
            problem.setType(URI.create("https://attest.dev/problems/invalid-roster"));
            problem.setProperty("rows", result.rows());
            problem.setProperty("errors", result.errors());
            return ResponseEntity.badRequest().body(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", result.rows());
        body.put("saved", result.saved());
        body.put("errors", List.of());
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    @PutMapping("/{id}/background-check")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    @Operation(summary = "Record a background check: status (pending, completed, waived), completedOn, provider, outcome (encrypted)")
    BackgroundCheck backgroundCheck(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, String> body) {
        Fields.unknown(body.keySet(), Set.of("status", "completedOn", "provider", "outcome"));
        BackgroundCheck saved = checks.recordBackgroundCheck(user.workspaceId(), id, body.get("status"), body.get("completedOn"),
                body.get("provider"), body.get("outcome"), user.actor());
        return user.can(Permission.PEOPLE_SENSITIVE) ? saved
                : new BackgroundCheck(saved.status(), saved.completedOn(), saved.provider(), null, saved.updatedAt(), saved.updatedBy());
    }

    @PostMapping("/{id}/trainings")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    @Operation(summary = "Record a completed training for a person: course, completedOn")
    ResponseEntity<Training> training(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, String> body) {
        Fields.unknown(body.keySet(), Set.of("course", "completedOn"));
        LocalDate on = Fields.date(body.get("completedOn"), "completedOn");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(trainings.recordTraining(user.workspaceId(), id, body.get("course"), on, null, user.actor()));
    }

    @PostMapping("/{id}/offboarding/{taskId}/confirm")
    @RequiresPermission(Permission.PEOPLE_WRITE)
    @Operation(summary = "Confirm that a departed person's access to one system is revoked (records who and when)")
    OffboardingTask confirm(CurrentUser user, @PathVariable UUID id, @PathVariable UUID taskId) {
        return offboarding.confirmRevocation(user.workspaceId(), id, taskId, user.actor());
    }

    @GetMapping("/systems")
    @RequiresPermission(Permission.PEOPLE_READ)
    @Operation(summary = "The systems whose access is revoked when someone leaves")
    List<String> systems(CurrentUser user) {
        return offboarding.systems(user.workspaceId());
    }

    @PutMapping("/systems")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Replace the list of systems revoked on departure")
    List<String> saveSystems(CurrentUser user, @RequestBody Object names) {
        if (!(names instanceof List<?> list) || list.stream().anyMatch(n -> !(n instanceof String))) {
            throw new InvalidFieldException("systems", "must be a list of system names");
        }
        return offboarding.saveSystems(user.workspaceId(), list.stream().map(String::valueOf).toList(), user.actor());
    }

    @PostMapping("/scim-tokens")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Create a bearer token for an identity provider's SCIM client; shown once")
    ResponseEntity<Map<String, String>> scimToken(CurrentUser user, @RequestBody(required = false) Map<String, String> body) {
        String name = body == null || body.get("name") == null ? "SCIM client" : body.get("name");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("name", name, "token", scimTokens.create(user.workspaceId(), name), "endpoint", "/scim/v2"));
    }

    static PersonForm input(Map<String, Object> body) {
        Fields.unknown(body.keySet(), PERSON_FIELDS);
        Object policies = body.get("requiredPolicies");
        List<String> required;
        if (policies == null) {
            required = List.of();
        } else if (policies instanceof List<?> list) {
            required = list.stream().map(String::valueOf).toList();
        } else {
            throw new InvalidFieldException("requiredPolicies", "must be a list of policy ids or template keys");
        }
        return new PersonForm(text(body, "name"), text(body, "email"), text(body, "title"), text(body, "department"),
                text(body, "managerEmail"), text(body, "employmentType"), text(body, "startDate"), text(body, "endDate"), required);
    }

    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return s;
    }
}
