package dev.attest.monitoring.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import dev.attest.monitoring.AssignFinding;
import dev.attest.monitoring.BulkFindingAction;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CommentOnFinding;
import dev.attest.monitoring.FindingWorkEvent;
import dev.attest.monitoring.LinkTicket;
import dev.attest.monitoring.RequestRiskAcceptance;
import dev.attest.web.CommandValidation;
import dev.attest.web.CsvWriter;
import dev.attest.web.Dates;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Working findings: assigning, commenting, linking a ticket, and risk-acceptance exceptions that an
 * approver other than the requester approves and that expire back to open. Every change goes into
 * the finding's history and publishes one {@link FindingWorkEvent} for the audit trail, in the same
 * transaction. The pipeline's findings stay as they are: an accepted finding is still open to it,
 * and a pass closes it as usual, which ends the exception.
 */
@Service
@Transactional
@RequiredArgsConstructor
class FindingWork {

    /** The longest an exception may run: a year, after which the risk is looked at again. */
    static final int MAX_EXCEPTION_DAYS = 365;

    private final FindingWorkStore store;
    private final FindingStore findings;
    private final CheckDefinitions checks;
    private final WorkspaceMembers members;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Dates dates;
    private final Clock clock;

    @Transactional(readOnly = true)
    List<WorkedFinding> page(WorkspaceId workspace, FindingWorkStore.Filter filter, TableQuery query) {
        return store.page(workspace, filter, query, clock.instant());
    }

    @Transactional(readOnly = true)
    long count(WorkspaceId workspace, FindingWorkStore.Filter filter) {
        return store.count(workspace, filter, clock.instant());
    }

    @Transactional(readOnly = true)
    WorkedFinding get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id, clock.instant()).orElseThrow(() -> new NotFoundException("No finding " + id));
    }

    /** How to fix the finding: its check's description, or null when the check is gone or says nothing. */
    @Transactional(readOnly = true)
    String guidance(WorkspaceId workspace, String checkKey) {
        try {
            Check check = checks.check(workspace, checkKey);
            return check.description() == null || check.description().isBlank() ? null : check.description().strip();
        } catch (NotFoundException e) {
            return null;
        }
    }

    WorkedFinding assign(CurrentUser user, UUID id, AssignFinding command) {
        WorkedFinding current = get(user.workspaceId(), id);
        applyAssign(user, List.of(current), assignee(user.workspaceId(), commands.valid(command).member(), "assignee"));
        return get(user.workspaceId(), id);
    }

    WorkedFinding comment(CurrentUser user, UUID id, CommentOnFinding command) {
        WorkedFinding current = get(user.workspaceId(), id);
        applyComment(user, List.of(current), commands.valid(command).text().strip());
        return get(user.workspaceId(), id);
    }

    WorkedFinding linkTicket(CurrentUser user, UUID id, LinkTicket command) {
        WorkedFinding current = get(user.workspaceId(), id);
        String url = commands.valid(command).url();
        Instant now = clock.instant();
        store.linkTicket(user.workspaceId(), current.finding().id(), url, now);
        findings.events(List.of(new FindingStore.Event(id, now, "ticket-linked", user.actor() + ": " + url)));
        events.publishEvent(new FindingWorkEvent.FindingTicketLinked(user.workspaceId(), id, url, user.actor()));
        return get(user.workspaceId(), id);
    }

    WorkedFinding requestAcceptance(CurrentUser user, UUID id, RequestRiskAcceptance command) {
        WorkedFinding current = get(user.workspaceId(), id);
        Acceptance acceptance = acceptance(user, commands.valid(command));
        requireOpen(List.of(current), "status");
        applyAcceptance(user, List.of(current), acceptance);
        return get(user.workspaceId(), id);
    }

    /** The approver named on the request accepts the risk; nobody else may, the requester least of all. */
    WorkedFinding approve(CurrentUser user, UUID id) {
        WorkedFinding current = get(user.workspaceId(), id);
        WorkedFinding.RiskException exception = current.exception();
        if (exception == null || exception.approved()) {
            throw new InvalidFieldException("exception", exception == null ? "no risk acceptance was requested" : "is already approved");
        }
        if (!exception.approver().equalsIgnoreCase(user.email())) {
            throw new InvalidFieldException("approver", "only " + exception.approver() + " can approve this exception");
        }
        if (!"open".equals(current.state())) {
            throw new InvalidFieldException("status", "the finding is " + current.state());
        }
        Instant now = clock.instant();
        if (!exception.expiresAt().isAfter(now)) {
            throw new InvalidFieldException("expiresOn", "the requested expiry has passed; request again");
        }
        store.approveException(user.workspaceId(), id, now);
        findings.events(List.of(new FindingStore.Event(id, now, "risk-accepted",
                user.actor() + " approved until " + dates.date(exception.expiresAt()))));
        events.publishEvent(new FindingWorkEvent.RiskAccepted(user.workspaceId(), id, exception.expiresAt(), user.actor()));
        return get(user.workspaceId(), id);
    }

    /** Applies one action to every finding named, or to none when any of them or the action's fields are refused. */
    int bulk(CurrentUser user, BulkFindingAction command) {
        commands.valid(command);
        BulkFindingAction.Kind kind = command.kind();
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(command.ids()));
        List<WorkedFinding> found = store.findAll(user.workspaceId(), ids, clock.instant());
        if (found.size() != ids.size()) {
            List<UUID> known = found.stream().map(w -> w.finding().id()).toList();
            throw new InvalidFieldException("ids", "no finding " + ids.stream().filter(i -> !known.contains(i)).findFirst().orElseThrow());
        }
        switch (kind) {
            case ASSIGN -> applyAssign(user, found, assignee(user.workspaceId(), new AssignFinding(command.assignee()).member(), "assignee"));
            case COMMENT -> applyComment(user, found, commands.valid(new CommentOnFinding(command.text())).text().strip());
            case ACCEPT -> {
                Acceptance acceptance = acceptance(user,
                        commands.valid(new RequestRiskAcceptance(command.reason(), command.approver(), command.expiresOn())));
                requireOpen(found, "ids");
                applyAcceptance(user, found, acceptance);
            }
        }
        return found.size();
    }

    /** Ends every approved exception whose expiry has come: the finding is open again, and says so. */
    int expireLapsed() {
        Instant now = clock.instant();
        List<FindingWorkStore.Lapsed> lapsed = store.lapsed(now, 1000);
        List<FindingStore.Event> history = new ArrayList<>();
        for (FindingWorkStore.Lapsed l : lapsed) {
            store.removeException(l.workspace(), l.findingId());
            history.add(new FindingStore.Event(l.findingId(), now, "accept-expired", "the exception expired on " + dates.date(l.expiresAt())));
            events.publishEvent(new FindingWorkEvent.RiskAcceptanceExpired(l.workspace(), l.findingId(), l.expiresAt()));
        }
        findings.events(history);
        return lapsed.size();
    }

    /** Writes the matching findings as CSV, in the list's order, at most {@code limit} rows. */
    @Transactional(readOnly = true)
    void csv(WorkspaceId workspace, FindingWorkStore.Filter filter, TableQuery order, Appendable out, int limit) {
        CsvWriter csv = new CsvWriter(out);
        csv.row("id", "check", "resource_type", "resource", "severity", "control", "state", "responsible", "assignee", "ticket",
                "opened", "due", "closed", "exception_reason", "exception_approver", "exception_approved", "exception_expires");
        TableQuery all = new TableQuery(order.sort(), order.descending(), 1, limit);
        for (WorkedFinding w : store.page(workspace, filter, all, clock.instant())) {
            var f = w.finding();
            var x = w.exception();
            csv.row(f.id(), f.checkKey(), f.resourceType(), f.resourceId(), f.severity().wireName(), f.controlKey(), w.state(),
                    w.responsible(), w.assignee(), w.ticketUrl(), f.openedAt(), f.dueAt(), f.closedAt(),
                    x == null ? null : x.reason(), x == null ? null : x.approver(), x == null ? null : x.approvedAt(),
                    x == null ? null : x.expiresAt());
        }
    }

    private record Acceptance(String reason, String approver, Instant expiresAt) {
    }

    private Acceptance acceptance(CurrentUser user, RequestRiskAcceptance command) {
        String approver = assignee(user.workspaceId(), command.approverEmail(), "approver");
        if (approver.equalsIgnoreCase(user.email())) {
            throw new InvalidFieldException("approver", "must be someone other than you, the requester");
        }
        LocalDate day = command.expiryDay();
        LocalDate today = LocalDate.now(clock.withZone(dates.zone()));
        if (!day.isAfter(today)) {
            throw new InvalidFieldException("expiresOn", "must be after today");
        }
        if (day.isAfter(today.plusDays(MAX_EXCEPTION_DAYS))) {
            throw new InvalidFieldException("expiresOn", "at most " + MAX_EXCEPTION_DAYS + " days ahead");
        }
        return new Acceptance(command.reason().strip(), approver, day.atStartOfDay(dates.zone()).toInstant());
    }

    /** The member's email as stored, or null for none; refused under {@code field} when nobody in the workspace has it. */
    private String assignee(WorkspaceId workspace, String email, String field) {
        if (email == null) {
            return null;
        }
        return members.memberByEmail(workspace, email).map(m -> m.email())
                .orElseThrow(() -> new InvalidFieldException(field, "'" + email + "' is not a member of this workspace"));
    }

    private static void requireOpen(List<WorkedFinding> found, String field) {
        for (WorkedFinding w : found) {
            if (!"open".equals(w.state())) {
                throw new InvalidFieldException(field, "finding " + w.finding().id() + " is " + w.state() + "; only open findings can be accepted");
            }
        }
    }

    private void applyAssign(CurrentUser user, List<WorkedFinding> found, String assignee) {
        Instant now = clock.instant();
        List<FindingStore.Event> history = new ArrayList<>();
        for (WorkedFinding w : found) {
            store.assign(user.workspaceId(), w.finding().id(), assignee, now);
            history.add(new FindingStore.Event(w.finding().id(), now, assignee == null ? "unassigned" : "assigned",
                    user.actor() + (assignee == null ? "" : ": to " + assignee)));
            events.publishEvent(new FindingWorkEvent.FindingAssigned(user.workspaceId(), w.finding().id(), assignee, user.actor()));
        }
        findings.events(history);
    }

    private void applyComment(CurrentUser user, List<WorkedFinding> found, String text) {
        Instant now = clock.instant();
        List<FindingStore.Event> history = new ArrayList<>();
        for (WorkedFinding w : found) {
            history.add(new FindingStore.Event(w.finding().id(), now, "commented", user.actor() + ": " + text));
            events.publishEvent(new FindingWorkEvent.FindingCommented(user.workspaceId(), w.finding().id(), user.actor()));
        }
        findings.events(history);
    }

    private void applyAcceptance(CurrentUser user, List<WorkedFinding> found, Acceptance acceptance) {
        Instant now = clock.instant();
        List<FindingStore.Event> history = new ArrayList<>();
        for (WorkedFinding w : found) {
            store.requestException(user.workspaceId(), w.finding().id(), new WorkedFinding.RiskException(acceptance.reason(), user.email(),
                    acceptance.approver(), now, null, acceptance.expiresAt()));
            history.add(new FindingStore.Event(w.finding().id(), now, "accept-requested", user.actor() + " asked " + acceptance.approver()
                    + " to accept until " + dates.date(acceptance.expiresAt()) + ": " + acceptance.reason()));
            events.publishEvent(new FindingWorkEvent.RiskAcceptanceRequested(user.workspaceId(), w.finding().id(), acceptance.approver(),
                    acceptance.expiresAt(), user.actor()));
        }
        findings.events(history);
    }
}
