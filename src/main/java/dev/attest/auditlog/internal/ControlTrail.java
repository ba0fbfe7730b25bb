package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditEntry;
import dev.attest.auditlog.AuditFilter;
import dev.attest.auditlog.AuditTrail;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlProof;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Gives a control's history what the audit trail recorded about it: status and owner changes and its
 * freshness window, with who changed them and when.
 */
@Component
@RequiredArgsConstructor
class ControlTrail implements ControlProof {

    private final AuditTrail trail;

    @Override
    public List<HistoryEntry> history(WorkspaceId workspace, ControlKey control, int limit) {
        return trail.entries(workspace, new AuditFilter(null, null, "control:" + control.value(), null, null), 0, limit).stream()
                .map(ControlTrail::entry).toList();
    }

    private static HistoryEntry entry(AuditEntry e) {
        String kind = switch (e.action()) {
            case "controls.updated" -> "change";
            case "evidence.freshness-changed" -> "window";
            default -> e.action();
        };
        return new HistoryEntry(e.occurredAt(), kind, e.actor(), e.summary(), null);
    }
}
