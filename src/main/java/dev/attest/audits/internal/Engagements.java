package dev.attest.audits.internal;

import dev.attest.audits.AdvanceAudit;
import dev.attest.audits.PlanAudit;
import dev.attest.audits.Audit;
import dev.attest.audits.AuditKind;
import dev.attest.audits.AuditPlanned;
import dev.attest.audits.AuditStatus;
import dev.attest.audits.AuditStatusChanged;
import dev.attest.identity.CurrentUser;
import dev.attest.web.CommandValidation;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Audit engagements: planning one (framework, scope, kind, firm, period, fieldwork) and moving it on. */
@Service
@RequiredArgsConstructor
class Engagements {

    private final EngagementStore store;
    private final AuditScope scope;
    private final AuditorAccess access;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional
    Audit plan(CurrentUser user, PlanAudit command) {
        PlanAudit c = commands.valid(command);
        AuditKind kind = c.kind();
        LocalDate end = c.lastDay();
        Map<String, String> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<String> inScope = scope.validated(kind.framework(), c.scope());
        Audit audit = new Audit(UUID.randomUUID(), kind.framework(), kind, inScope, c.firm().strip(), c.leadAuditor().strip(), c.periodStart(),
                end, c.fieldworkStart(), c.fieldworkEnd(), AuditStatus.PLANNING, null, null, clock.instant(), user.actor());
        store.insert(user.workspaceId(), audit);
        events.publishEvent(new AuditPlanned(user.workspaceId(), user.actor(), audit.id(), audit.framework(), kind, audit.periodText()));
        return audit;
    }

    @Transactional(readOnly = true)
    List<Audit> list(CurrentUser user) {
        return access.visible(user);
    }

    @Transactional
    Audit advance(CurrentUser user, UUID id, AdvanceAudit command) {
        AdvanceAudit c = commands.valid(command);
        Audit audit = access.managed(user, id);
        Audit next = audit.apply(c.action());
        store.update(user.workspaceId(), next, clock.instant());
        events.publishEvent(new AuditStatusChanged(user.workspaceId(), user.actor(), id, audit.status(), next.status()));
        return next;
    }
}
