package dev.attest.audits.internal;

import dev.attest.audits.InviteAuditor;
import dev.attest.audits.Audit;
import dev.attest.audits.AuditMaterialOpened;
import dev.attest.audits.AuditorInvited;
import dev.attest.identity.AuditorMemberships;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.Role;
import dev.attest.web.CommandValidation;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who may see and work on which audit. The program's own people (admin, compliance manager) see
 * every audit of their workspace. An auditor sees only the audits they were invited to, while their
 * access lasts: until its end date (inclusive) and never after the audit is completed or withdrawn.
 * Everything an auditor opens goes on the audit trail.
 */
@Service
@RequiredArgsConstructor
class AuditorAccess {

    private final EngagementStore store;
    private final AuditorMemberships memberships;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    static boolean isAuditor(CurrentUser user) {
        return user.role() == Role.AUDITOR;
    }

    /** The audits the user may see: all of the workspace, or an auditor's current ones. */
    List<Audit> visible(CurrentUser user) {
        if (!isAuditor(user)) {
            return store.list(user.workspaceId());
        }
        return store.invitedTo(user.workspaceId(), user.email()).stream().filter(a -> current(user, a)).toList();
    }

    /** The audit for reading; an auditor's read of {@code what} is recorded. Another workspace's audit is a 404. */
    Audit readable(CurrentUser user, UUID id, String what) {
        Audit audit = store.find(user.workspaceId(), id).orElseThrow(() -> new NotFoundException("No audit " + id));
        if (isAuditor(user)) {
            if (!current(user, audit)) {
                throw new AccessDeniedException("not an auditor of this audit, or the access has ended");
            }
            if (what != null) {
                events.publishEvent(new AuditMaterialOpened(user.workspaceId(), user.actor(), id, what));
            }
        }
        return audit;
    }

    /** The audit for fieldwork writes (requests, comments, samples, findings): staff, or one of its current auditors. */
    Audit fieldwork(CurrentUser user, UUID id) {
        if (!user.can(Permission.AUDITS_FIELDWORK)) {
            throw new AccessDeniedException("fieldwork is not allowed");
        }
        Audit audit = readable(user, id, null);
        if (audit.status().ended()) {
            throw new InvalidFieldException("status", "the audit is " + audit.status().wireName() + ": nothing more is recorded on it");
        }
        return audit;
    }

    /** The audit for the client's own changes (planning, status, invitations, responses): never an auditor's. */
    Audit managed(CurrentUser user, UUID id) {
        if (!user.can(Permission.AUDITS_MANAGE)) {
            throw new AccessDeniedException("managing audits is not allowed");
        }
        return store.find(user.workspaceId(), id).orElseThrow(() -> new NotFoundException("No audit " + id));
    }

    private boolean current(CurrentUser user, Audit audit) {
        if (audit.status().ended()) {
            return false;
        }
        return store.grantOf(audit.id(), user.email()).filter(g -> g.accessEnds() == null || !today().isAfter(g.accessEnds())).isPresent();
    }

    @Transactional
    EngagementStore.Grant invite(CurrentUser admin, UUID id, InviteAuditor command) {
        InviteAuditor c = commands.valid(command);
        Audit audit = managed(admin, id);
        boolean withAudit = Boolean.TRUE.equals(c.endsWithAudit());
        if (c.accessEndsOn() == null && !withAudit) {
            throw new InvalidFieldException("accessEndsOn", "an auditor's access must end: give a date, or set endsWithAudit");
        }
        if (c.accessEndsOn() != null && c.accessEndsOn().isBefore(today())) {
            throw new InvalidFieldException("accessEndsOn", "must be today or later");
        }
        if (audit.status().ended()) {
            throw new InvalidFieldException("status", "the audit is " + audit.status().wireName());
        }
        String email = c.email().strip().toLowerCase(Locale.ROOT);
        memberships.ensureAuditor(admin, email,
                c.accessEndsOn() == null ? null : c.accessEndsOn().plusDays(1).atStartOfDay(zone).toInstant());
        var grant = new EngagementStore.Grant(id, email, c.accessEndsOn(), clock.instant(), admin.actor());
        store.grant(admin.workspaceId(), grant);
        events.publishEvent(new AuditorInvited(admin.workspaceId(), admin.actor(), id, email, c.accessEndsOn()));
        return grant;
    }

    @Transactional(readOnly = true)
    List<EngagementStore.Grant> auditors(CurrentUser user, UUID id) {
        return store.grants(readable(user, id, null).id());
    }
}
