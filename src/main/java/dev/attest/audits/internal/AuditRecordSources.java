package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.audits.AuditStatus;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offers audits ({@code audits.audit}) and their requests ({@code audits.request}) to monitoring,
 * and fieldwork, request due dates and the next audit to the obligations calendar.
 */
@Component
@RequiredArgsConstructor
class AuditRecordSources implements ResourceSource, ObligationSource {

    static final String AUDIT = "audits.audit";
    static final String REQUEST = "audits.request";

    private final EngagementStore audits;
    private final AuditRequestStore requests;
    private final SoaStore soa;
    private final AuditScope scope;
    private final WorkspaceControls controls;
    private final Clock clock;
    private final ZoneId zone;

    @Override
    public Set<String> types() {
        return Set.of(AUDIT, REQUEST);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Resource> resources = new ArrayList<>();
        List<Audit> all = audits.list(workspace);
        if (all.isEmpty()) {
            return resources;
        }
        Map<dev.attest.catalog.ControlKey, ControlStatus> statuses = controls.statuses(workspace);
        var approvedSoa = soa.versions(workspace).stream().filter(v -> v.approved()).findFirst();
        for (Audit a : all) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("framework", a.framework());
            d.put("kind", a.kind().wireName());
            d.put("status", a.status().wireName());
            d.put("periodStart", a.periodStart().toString());
            d.put("periodEnd", a.periodEnd().toString());
            d.put("inPeriod", a.inPeriod(today));
            if (a.fieldworkStart() != null) {
                d.put("fieldworkStart", a.fieldworkStart().toString());
            }
            long failing = a.status().ended() ? 0 : scope.controls(a).stream()
                    .filter(k -> statuses.get(new dev.attest.catalog.ControlKey(k)) == ControlStatus.FAILING).count();
            d.put("controlsFailing", failing);
            if (a.reportIssuedOn() != null) {
                d.put("reportIssuedAt", a.reportIssuedOn().atStartOfDay(zone).toInstant().toString());
            }
            if ("iso27001".equals(a.framework())) {
                approvedSoa.ifPresent(v -> d.put("soaApprovedAt", v.approvedAt().toString()));
                d.put("nextAuditPlanned", nextPlanned(all, a));
            }
            resources.add(new Resource(AUDIT, a.id().toString(), d));
        }
        for (var due : requests.awaitingClient(workspace)) {
            var r = due.request();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("auditId", r.auditId().toString());
            d.put("reference", r.reference());
            d.put("status", r.status().wireName());
            d.put("dueAt", r.dueOn().plusDays(1).atStartOfDay(zone).toInstant().toString());
            d.put("overdue", r.overdue(today));
            resources.add(new Resource(REQUEST, r.id().toString(), d));
        }
        return resources;
    }

    /** Whether a later audit of the same framework is already planned or under way. */
    private static boolean nextPlanned(List<Audit> all, Audit audit) {
        return all.stream().anyMatch(o -> o != audit && o.framework().equals(audit.framework()) && o.periodStart().isAfter(audit.periodStart())
                && !o.status().ended());
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        List<Obligation> obligations = new ArrayList<>();
        List<Audit> all = audits.list(workspace);
        for (Audit a : all) {
            String path = "/audits/" + a.id();
            if (a.status() == AuditStatus.PLANNING && a.fieldworkStart() != null) {
                obligations.add(new Obligation("audits:fieldwork:" + a.id(), "audit-fieldwork", AuditCompletion.label(a.kind()) + " fieldwork with "
                        + a.firm(), null, a.fieldworkStart().atStartOfDay(zone).toInstant(), path));
            }
            if (a.status() == AuditStatus.COMPLETED && !nextPlanned(all, a)) {
                // Surveillance audits come yearly; a SOC 2 report is renewed each year.
                LocalDate next = (a.reportIssuedOn() == null ? a.periodEnd() : a.reportIssuedOn()).plusYears(1);
                obligations.add(new Obligation("audits:next:" + a.id(), "audit-due", "Next " + AuditCompletion.label(a.kind()) + " audit", null,
                        next.atStartOfDay(zone).toInstant(), "/audits"));
            }
        }
        for (var due : requests.awaitingClient(workspace)) {
            var r = due.request();
            obligations.add(new Obligation("audits:request:" + r.id(), "audit-request", "Audit request " + r.reference() + ": "
                    + (r.request().length() > 80 ? r.request().substring(0, 80) + "..." : r.request()), r.assignee(),
                    r.dueOn().atStartOfDay(zone).toInstant(), "/audits/" + r.auditId()));
        }
        return obligations;
    }
}
