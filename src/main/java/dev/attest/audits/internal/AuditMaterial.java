package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an audit lets its auditor read: the controls in scope with their status, and the evidence
 * for those controls collected within the audit period. Evidence outside either is not there for
 * the auditor (a 404, as if it did not exist).
 */
@Service
@RequiredArgsConstructor
class AuditMaterial {

    /** A control in scope and its status today. */
    record ScopedControl(String key, String name, String status) {
    }

    private final AuditorAccess access;
    private final AuditScope scope;
    private final WorkspaceControls controls;
    private final EvidenceLocker evidence;
    private final AuditRequestStore requests;
    private final ZoneId zone;

    List<ScopedControl> controls(CurrentUser user, UUID id) {
        Audit audit = access.readable(user, id, "controls in scope");
        Map<dev.attest.catalog.ControlKey, ControlStatus> statuses = controls.statuses(user.workspaceId());
        return scope.controls(audit).stream().map(key -> {
            var state = controls.get(user.workspaceId(), key);
            ControlStatus status = statuses.get(state.control().key());
            return new ScopedControl(key, state.control().name(), status == null ? "needs_evidence" : status.wireName());
        }).toList();
    }

    List<EvidenceItem> evidence(CurrentUser user, UUID id) {
        Audit audit = access.readable(user, id, "evidence list");
        return inPeriod(user.workspaceId(), audit);
    }

    /** The evidence for the audit's controls collected within its period, newest first, each once. */
    List<EvidenceItem> inPeriod(WorkspaceId workspace, Audit audit) {
        Map<UUID, EvidenceItem> found = new LinkedHashMap<>();
        for (String control : scope.controls(audit)) {
            for (EvidenceItem item : evidence.list(workspace, control, null, 1000)) {
                if (audit.inPeriod(item.collectedAt().atZone(zone).toLocalDate())) {
                    found.putIfAbsent(item.id(), item);
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(EvidenceItem::collectedAt).reversed()).toList();
    }

    /** One piece of evidence if the audit covers it: attached to one of its requests, or for a control in scope and collected in the period. */
    EvidenceItem covered(WorkspaceId workspace, Audit audit, UUID evidenceId) {
        EvidenceItem item = evidence.get(workspace, evidenceId);
        Set<String> inScope = scope.controls(audit);
        boolean covered = requests.attachedTo(audit.id(), evidenceId) || item.controls().stream().anyMatch(inScope::contains) && audit.inPeriod(item.collectedAt().atZone(zone).toLocalDate());
        if (!covered) {
            throw new NotFoundException("No evidence " + evidenceId + " within this audit's scope and period");
        }
        return item;
    }

    /** The control matrix for the package: each control in scope, its status, and the requirements of the audit it serves. */
    String matrixCsv(WorkspaceId workspace, Audit audit) {
        Map<dev.attest.catalog.ControlKey, ControlStatus> statuses = controls.statuses(workspace);
        Map<String, List<String>> requirementsByControl = new LinkedHashMap<>();
        for (var r : scope.requirements(audit)) {
            r.controls().forEach(k -> requirementsByControl.computeIfAbsent(k.value(), x -> new java.util.ArrayList<>()).add(r.ref()));
        }
        StringBuilder out = new StringBuilder("control,name,status,requirements\n");
        for (String key : scope.controls(audit)) {
            var state = controls.get(workspace, key);
            ControlStatus status = statuses.get(state.control().key());
            out.append(key).append(",\"").append(state.control().name().replace("\"", "\"\"")).append("\",")
                    .append(status == null ? "needs_evidence" : status.wireName()).append(',')
                    .append(String.join(" ", requirementsByControl.getOrDefault(key, List.of()))).append('\n');
        }
        return out.toString();
    }

    /** The bytes of covered evidence; the download is on the trail when an auditor makes it. */
    Download download(CurrentUser user, UUID id, UUID evidenceId) {
        Audit audit = access.readable(user, id, null);
        EvidenceItem item = covered(user.workspaceId(), audit, evidenceId);
        access.readable(user, id, "evidence " + evidenceId + " (" + item.sha256() + ") downloaded");
        return new Download(item, evidence.content(user.workspaceId(), evidenceId));
    }

    record Download(EvidenceItem item, InputStream content) {
    }
}
