package dev.attest.audits.internal;

import dev.attest.audits.AnswerFinding;
import dev.attest.audits.RaiseFinding;
import dev.attest.audits.Audit;
import dev.attest.audits.AuditFinding;
import dev.attest.audits.AuditFindingAnswered;
import dev.attest.audits.AuditFindingClosed;
import dev.attest.audits.AuditFindingRaised;
import dev.attest.catalog.Catalog;
import dev.attest.identity.CurrentUser;
import dev.attest.web.CommandValidation;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Audit findings: the auditor raises them (exception, minor or major nonconformity, observation)
 * against requirements and controls, the client answers (response, root cause, corrective action,
 * owner, due date), and only the auditor closes them. An open major nonconformity blocks completion.
 */
@Service
@RequiredArgsConstructor
class AuditFindings {

    private final FindingStore store;
    private final AuditorAccess access;
    private final AuditScope scope;
    private final Catalog catalog;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    List<AuditFinding> list(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, "findings");
        return store.list(user.workspaceId(), audit.id());
    }

    @Transactional
    AuditFinding raise(CurrentUser user, UUID auditId, RaiseFinding command) {
        // who may work on the audit is settled before what they sent: an auditor of another audit learns nothing from a 400
        Audit audit = access.fieldwork(user, auditId);
        RaiseFinding c = commands.valid(command);
        var framework = scope.framework(audit);
        List<String> requirements = c.requirements() == null ? List.of() : c.requirements().stream().map(String::strip).distinct().toList();
        for (String ref : requirements) {
            if (framework.requirement(ref).isEmpty()) {
                throw new InvalidFieldException("requirements", "'" + ref + "' is not a requirement of " + framework.name());
            }
        }
        List<String> controls = c.controls() == null ? List.of() : c.controls().stream().map(k -> k.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        for (String key : controls) {
            if (catalog.control(key).isEmpty()) {
                throw new InvalidFieldException("controls", "'" + key + "' is not a control of the library");
            }
        }
        String reference = "F-%02d".formatted(store.list(user.workspaceId(), audit.id()).size() + 1);
        AuditFinding finding = new AuditFinding(UUID.randomUUID(), audit.id(), reference, c.kind(), c.title().strip(), c.description(),
                requirements, controls, null, null, null, null, null, "open", user.actor());
        store.insert(user.workspaceId(), finding, clock.instant());
        events.publishEvent(new AuditFindingRaised(user.workspaceId(), user.actor(), audit.id(), reference, c.kind()));
        return finding;
    }

    @Transactional
    AuditFinding answer(CurrentUser user, UUID auditId, UUID id, AnswerFinding command) {
        AnswerFinding c = commands.valid(command);
        Audit audit = access.managed(user, auditId);
        AuditFinding f = find(user, audit, id);
        if (f.closed()) {
            throw new InvalidFieldException("status", "the finding is closed");
        }
        AuditFinding answered = new AuditFinding(f.id(), f.auditId(), f.reference(), f.kind(), f.title(), f.description(), f.requirements(),
                f.controls(), c.clientResponse().strip(), c.rootCause(), c.correctiveAction(), c.owner(), c.dueOn(), "answered", f.raisedBy());
        store.answer(user.workspaceId(), answered);
        events.publishEvent(new AuditFindingAnswered(user.workspaceId(), user.actor(), audit.id(), f.reference()));
        return answered;
    }

    @Transactional
    AuditFinding close(CurrentUser user, UUID auditId, UUID id) {
        if (!AuditorAccess.isAuditor(user)) {
            throw new org.springframework.security.access.AccessDeniedException("only the auditor closes a finding");
        }
        Audit audit = access.fieldwork(user, auditId);
        AuditFinding f = find(user, audit, id);
        if (!f.closed()) {
            store.close(user.workspaceId(), id, user.actor(), clock.instant());
            events.publishEvent(new AuditFindingClosed(user.workspaceId(), user.actor(), audit.id(), f.reference()));
        }
        return find(user, audit, id);
    }

    private AuditFinding find(CurrentUser user, Audit audit, UUID id) {
        return store.find(user.workspaceId(), audit.id(), id).orElseThrow(() -> new NotFoundException("No finding " + id));
    }

    /** The findings that keep the audit from completing. */
    List<AuditFinding> blocking(CurrentUser user, Audit audit) {
        return store.list(user.workspaceId(), audit.id()).stream().filter(AuditFinding::blocksCompletion).toList();
    }
}
