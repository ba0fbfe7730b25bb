package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.privacy.DataSubject;
import dev.attest.privacy.DataSubjectDataPurged;
import dev.attest.privacy.DataSubjectRequest;
import dev.attest.privacy.AddSystemTask;
import dev.attest.privacy.AssignRequest;
import dev.attest.privacy.CloseRequest;
import dev.attest.privacy.CompleteSystemTask;
import dev.attest.privacy.DataSubjectRequestClosed;
import dev.attest.privacy.DeadlineExtended;
import dev.attest.privacy.ExtendDeadline;
import dev.attest.privacy.IdentityVerified;
import dev.attest.privacy.RecordResponse;
import dev.attest.privacy.RequestAssigned;
import dev.attest.privacy.ResponseSent;
import dev.attest.privacy.SystemTaskAdded;
import dev.attest.privacy.SystemTaskDone;
import dev.attest.privacy.VerifyIdentity;
import dev.attest.privacy.DataSubjectRequestReceived;
import dev.attest.privacy.ReceiveRequest;
import dev.attest.privacy.PrivacyEvent;
import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.RequestDeadline;
import dev.attest.privacy.RequestTask;
import dev.attest.privacy.RequestType;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data-subject requests from receipt to closure: deadlines, extension, identity verification,
 * one task per system holding the person's data, the response, closure, and the purge of the
 * requester's personal data a set time after closure.
 */
@Service
class DataSubjectRequests {

    private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final RequestStore store;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ResponseDeadlines deadlines;
    private final PrivacyProperties properties;
    private final dev.attest.identity.WorkspaceMembers members;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    DataSubjectRequests(RequestStore store, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock,
                        PrivacyProperties properties, dev.attest.identity.WorkspaceMembers members,
                        ZoneId zone) {
        this.members = members;
        this.store = store;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.deadlines = new ResponseDeadlines(clock, zone);
    }

    Clock clock() {
        return clock;
    }

    @Transactional
    DataSubjectRequest receive(WorkspaceId workspace, ReceiveRequest command, String channel, String actor) {
        return receive(workspace, command, clock.instant(), channel, actor);
    }

    /** Records a request received at {@code receivedAt}: its deadline starts then, and the requester's data is sealed. */
    @Transactional
    DataSubjectRequest receive(WorkspaceId workspace, ReceiveRequest command, Instant receivedAt, String channel, String actor) {
        if (!command.problems().isEmpty()) {
            throw new InvalidFieldException(command.problems());
        }
        UUID id = UUID.randomUUID();
        String reference = reference();
        RequestDeadline deadline = deadlines.original(command.law(), receivedAt);
        String sealed = cipher.seal(json.writeValueAsString(command.subject()), context(workspace, id));
        store.insert(new RequestStore.Row(id, workspace.value(), reference, command.type().wireName(), command.law().wireName(), channel,
                null, sealed, receivedAt, deadline.dueAt(), null, null, null, null, null, null, "open", null, null, null, null, null), actor);
        return published(workspace, id, new DataSubjectRequestReceived(workspace, actor, id, reference, command.type(), command.law()));
    }

    /** Publishes the step's event and answers the request as it now stands. */
    private DataSubjectRequest published(WorkspaceId workspace, UUID id, PrivacyEvent step) {
        events.publishEvent(step);
        return get(workspace, id, true);
    }

    DataSubjectRequest get(WorkspaceId workspace, UUID id, boolean withSubject) {
        RequestStore.Row row = store.find(workspace, id).orElseThrow(() -> new NotFoundException("No privacy request " + id));
        return toRequest(workspace, row, store.tasks(workspace, id), withSubject);
    }

    List<DataSubjectRequest> list(WorkspaceId workspace, boolean withSubject) {
        return store.list(workspace).stream().map(r -> toRequest(workspace, r, store.tasks(workspace, r.id()), withSubject)).toList();
    }

    @Transactional
    DataSubjectRequest extend(WorkspaceId workspace, UUID id, ExtendDeadline command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        RequestDeadline extended = deadlines.extend(request.law(), request.receivedAt(), request.extended(), command.reason());
        store.extend(workspace, id, extended.dueAt(), command.reason());
        return published(workspace, id, new DeadlineExtended(workspace, actor, id, request.reference(), "deadline extended to " + extended.dueDate()));
    }

    /** Gives the request to a member of the workspace (or to nobody): they own its deadline on the calendar. */
    @Transactional
    DataSubjectRequest assign(WorkspaceId workspace, UUID id, AssignRequest command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        String who = command.assignee();
        if (who != null && members.memberByEmail(workspace, who).isEmpty()) {
            throw new InvalidFieldException("assignee", "is not a member of this workspace");
        }
        store.assign(workspace, id, who);
        return published(workspace, id,
                new RequestAssigned(workspace, actor, id, request.reference(), who == null ? "unassigned" : "assigned to " + who));
    }

    @Transactional
    DataSubjectRequest verifyIdentity(WorkspaceId workspace, UUID id, VerifyIdentity command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        store.verify(workspace, id, clock.instant(), command.method());
        return published(workspace, id, new IdentityVerified(workspace, actor, id, request.reference(), "requester's identity verified"));
    }

    @Transactional
    DataSubjectRequest addTask(WorkspaceId workspace, UUID id, AddSystemTask command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        if (request.hasTaskFor(command.system())) {
            throw new InvalidFieldException("system", "already has a task on this request");
        }
        store.insertTask(workspace, id, UUID.randomUUID(), command.system(), clock.instant());
        return published(workspace, id, new SystemTaskAdded(workspace, actor, id, request.reference(), "task added for system " + command.system()));
    }

    @Transactional
    DataSubjectRequest completeTask(WorkspaceId workspace, UUID id, CompleteSystemTask command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        RequestTask task = request.task(command.task()).orElseThrow(() -> new NotFoundException("No task " + command.task()));
        if (task.done()) {
            throw new InvalidFieldException("task", "is already done");
        }
        store.completeTask(workspace, id, task.id(), clock.instant(), actor, command.note());
        return published(workspace, id, new SystemTaskDone(workspace, actor, id, request.reference(), "task done for system " + task.system()));
    }

    @Transactional
    DataSubjectRequest recordResponse(WorkspaceId workspace, UUID id, RecordResponse command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        store.respond(workspace, id, clock.instant(), command.response());
        return published(workspace, id, new ResponseSent(workspace, actor, id, request.reference(), "response sent to the requester"));
    }

    /** Closes a request once nothing stands in the way ({@link DataSubjectRequest#closingProblems}). */
    @Transactional
    DataSubjectRequest close(WorkspaceId workspace, UUID id, CloseRequest command, String actor) {
        DataSubjectRequest request = requireOpen(workspace, id);
        Map<String, String> problems = request.closingProblems(command);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        Instant now = clock.instant();
        String outcome = command.outcome().wireName();
        store.close(workspace, id, now, actor, outcome, command.reason());
        return published(workspace, id, new DataSubjectRequestClosed(workspace, actor, id, request.reference(), outcome,
                now.isBefore(request.deadline().dueAt())));
    }

    /** The daily purge: ShedLock refuses to lock a method that returns a primitive, so the job returns nothing. */
    @Scheduled(cron = "${attest.privacy.purge-cron:0 17 3 * * *}")
    @SchedulerLock(name = "privacy-purge")
    @Transactional
    public void scheduledPurge() {
        purge();
    }

    /** Erases the personal data of requests closed longer ago than the retention period; returns how many. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        List<RequestStore.Row> due = store.purgeable(now.minus(properties.purgeAfter()));
        for (RequestStore.Row row : due) {
            store.purge(row.id(), now);
            events.publishEvent(new DataSubjectDataPurged(new WorkspaceId(row.workspaceId()), row.id(), row.reference()));
        }
        return due.size();
    }

    private DataSubjectRequest requireOpen(WorkspaceId workspace, UUID id) {
        DataSubjectRequest request = get(workspace, id, false);
        if (!request.open()) {
            throw new InvalidFieldException("status", "the request is closed");
        }
        return request;
    }

    private DataSubjectRequest toRequest(WorkspaceId workspace, RequestStore.Row r, List<RequestStore.TaskRow> tasks, boolean withSubject) {
        PrivacyLaw law = WireName.parse(PrivacyLaw.class, r.law()).orElseThrow();
        RequestDeadline original = deadlines.original(law, r.receivedAt());
        RequestDeadline current = r.extendedDueAt() == null ? original : deadlines.extended(law, r.receivedAt());
        DataSubject subject = null;
        if (withSubject && r.subjectSealed() != null) {
            subject = json.readValue(cipher.open(r.subjectSealed(), context(workspace, r.id())), DataSubject.class);
        }
        return new DataSubjectRequest(r.id(), r.reference(), WireName.parse(RequestType.class, r.type()).orElseThrow(), law, r.channel(), r.assignee(),
                subject, r.receivedAt(), current, original, r.extensionReason(), r.identityVerifiedAt(), r.identityMethod(),
                tasks.stream().map(t -> new RequestTask(t.id(), t.system(), t.doneAt(), t.doneBy(), t.note())).toList(),
                r.responseSentAt(), r.responseNote(), r.status(), r.outcome(), r.closedAt(), r.closedBy(), r.closureReason(), r.purgedAt());
    }

    static String context(WorkspaceId workspace, UUID id) {
        return "privacy_request:" + workspace.value() + ":" + id;
    }

    private String reference() {
        StringBuilder s = new StringBuilder("DSR-");
        for (int i = 0; i < 8; i++) {
            s.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
        }
        return s.toString();
    }
}
