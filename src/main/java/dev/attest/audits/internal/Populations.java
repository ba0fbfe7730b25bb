package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.auditlog.AuditEntry;
import dev.attest.auditlog.AuditFilter;
import dev.attest.auditlog.AuditTrail;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The populations Attest knows for an audit period, read through other modules' public APIs only:
 * people hired and who left (with offboarding), access changes, policy changes, incidents,
 * monitoring findings, data-subject requests and vendor changes from the audit trail, and check
 * runs (daily evidence) for a control or for everything in scope.
 */
@Service
@RequiredArgsConstructor
class Populations {

    /** The names an auditor picks from. */
    static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("hires", "people who started in the period");
        names.put("leavers", "people who left in the period, with their offboarding");
        names.put("access-changes", "role changes, new members, deactivations and API tokens (audit trail)");
        names.put("policy-changes", "policy versions drafted, approved and published (audit trail)");
        names.put("incidents", "incidents reported (audit trail)");
        names.put("findings", "monitoring findings opened and closed (audit trail)");
        names.put("data-subject-requests", "data-subject requests received and closed (audit trail)");
        names.put("vendor-reviews", "vendors added, reviewed and removed (audit trail)");
        names.put("check-runs", "check result snapshots (daily evidence) for a control, or all in scope");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private final ObjectProvider<ResourceSource> sources;
    private final AuditTrail trail;
    private final EvidenceLocker evidence;
    private final AuditScope scope;
    private final ZoneId zone;

    /** The population as of now; an unknown name is a 400 naming {@code population}, a control out of scope one naming {@code control}. */
    Population of(WorkspaceId workspace, Audit audit, String name, String control) {
        if (name == null || !NAMES.containsKey(name)) {
            throw new InvalidFieldException("population", "must be one of " + String.join(", ", NAMES.keySet()));
        }
        if (control != null && !scope.controls(audit).contains(control)) {
            throw new InvalidFieldException("control", "'" + control + "' is not a control within this audit's scope");
        }
        List<Population.Item> items = switch (name) {
            case "hires" -> people(workspace, audit, "startAt");
            case "leavers" -> people(workspace, audit, "endAt");
            case "access-changes" -> trail(workspace, audit, "identity", Set.of("identity.member-role-changed", "identity.invitation-accepted",
                    "identity.member-deactivated", "identity.member-reactivated", "identity.token-created", "identity.token-revoked")::contains);
            case "policy-changes" -> trail(workspace, audit, "policies", a -> !a.equals("policies.accepted"));
            case "incidents" -> trail(workspace, audit, "incidents", "incidents.reported"::equals);
            case "findings" -> trail(workspace, audit, "monitoring", a -> a.startsWith("monitoring.finding"));
            case "data-subject-requests" -> trail(workspace, audit, "privacy", a -> a.startsWith("privacy.request-received")
                    || a.startsWith("privacy.request-closed"));
            case "vendor-reviews" -> trail(workspace, audit, "vendors", a -> true);
            default -> checkRuns(workspace, audit, control);
        };
        return new Population(name, items);
    }

    private List<Population.Item> people(WorkspaceId workspace, Audit audit, String field) {
        List<Population.Item> items = new ArrayList<>();
        sources.orderedStream().filter(s -> s.types().contains("people.person")).forEach(source -> {
            for (Resource person : source.resources(workspace)) {
                if (!"people.person".equals(person.type()) || !(person.data().get(field) instanceof String at)) {
                    continue;
                }
                LocalDate day = Instant.parse(at).atZone(zone).toLocalDate();
                if (audit.inPeriod(day)) {
                    String description = person.data().get("name") + " <" + person.data().get("email") + ">"
                            + ("endAt".equals(field) ? ", access revocations open: " + person.data().getOrDefault("revocationsOpen", 0L) : "");
                    items.add(new Population.Item(person.id(), day.toString(), description, null));
                }
            }
        });
        return items;
    }

    private List<Population.Item> trail(WorkspaceId workspace, Audit audit, String module, Predicate<String> action) {
        List<Population.Item> items = new ArrayList<>();
        Instant from = audit.periodStart().atStartOfDay(zone).toInstant();
        Instant to = audit.periodEnd().plusDays(1).atStartOfDay(zone).toInstant();
        trail.each(workspace, new AuditFilter(null, module, null, from, to), (AuditEntry e) -> {
            if (action.test(e.action())) {
                items.add(new Population.Item("trail-%09d".formatted(e.seq()), e.occurredAt().atZone(zone).toLocalDate().toString(),
                        e.action() + " " + e.target() + ": " + e.summary() + " (by " + e.actor() + ")", null));
            }
        });
        return items;
    }

    private List<Population.Item> checkRuns(WorkspaceId workspace, Audit audit, String control) {
        Map<String, Population.Item> items = new LinkedHashMap<>();
        for (String key : control == null ? scope.controls(audit) : Set.of(control)) {
            for (EvidenceItem item : evidence.list(workspace, key, "check-results", 1000)) {
                LocalDate day = item.collectedAt().atZone(zone).toLocalDate();
                if (audit.inPeriod(day)) {
                    items.putIfAbsent(item.id().toString(), new Population.Item(item.id().toString(), day.toString(),
                            item.title() + " (ledger entry " + item.ledgerSeq() + ")", item.id().toString()));
                }
            }
        }
        return List.copyOf(items.values());
    }
}
