package dev.attest.audits.internal;

import dev.attest.audits.AttachEvidence;
import dev.attest.audits.MoveRequest;
import dev.attest.audits.RaiseRequest;
import dev.attest.audits.Audit;
import dev.attest.audits.AuditEvidenceAttached;
import dev.attest.audits.AuditRequest;
import dev.attest.audits.AuditRequestMoved;
import dev.attest.audits.AuditRequestRaised;
import dev.attest.audits.AuditRequestsImported;
import dev.attest.audits.RequestAction;
import dev.attest.audits.RequestStatus;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.EvidenceKind;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.CommandValidation;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The "provided by client" list of an audit: requests raised by hand, generated per control in
 * scope or imported from the auditor's CSV; the loop open → submitted → accepted, or flagged →
 * resubmitted; evidence attached by its ledger entry (uploads go to the evidence store first).
 */
@Service
@RequiredArgsConstructor
class RequestLists {

    private final AuditRequestStore store;
    private final AuditorAccess access;
    private final AuditScope scope;
    private final Catalog catalog;
    private final EvidenceLocker evidence;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    List<AuditRequest> list(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, "request list");
        return store.list(user.workspaceId(), audit.id());
    }

    /** Each request's steps through the loop, for the page's revision history. */
    Map<UUID, List<AuditRequestStore.Move>> moves(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, null);
        return store.moves(user.workspaceId(), audit.id());
    }

    AuditRequest get(CurrentUser user, UUID auditId, UUID id) {
        Audit audit = access.readable(user, auditId, "request " + id);
        return store.find(user.workspaceId(), audit.id(), id).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    @Transactional
    AuditRequest raise(CurrentUser user, UUID auditId, RaiseRequest command) {
        Audit audit = access.fieldwork(user, auditId);
        List<String> taken = new ArrayList<>(store.references(audit.id()));
        AuditRequest request = prepare(audit, commands.valid(command), taken, "");
        save(user, request);
        return request;
    }

    /** One request per control in scope that has none yet, naming the evidence kinds the control is proven by. */
    @Transactional
    List<AuditRequest> generate(CurrentUser user, UUID auditId) {
        Audit audit = access.fieldwork(user, auditId);
        Set<String> covered = new HashSet<>();
        store.list(user.workspaceId(), audit.id()).forEach(r -> covered.add(r.control()));
        List<String> taken = new ArrayList<>(store.references(audit.id()));
        List<AuditRequest> created = new ArrayList<>();
        for (String key : scope.controls(audit)) {
            if (covered.contains(key)) {
                continue;
            }
            var control = catalog.requireControl(key);
            String kinds = String.join(", ", control.evidence().stream().map(EvidenceKind::wireName).toList());
            AuditRequest request = prepare(audit, new RaiseRequest("C-" + key, "Show that " + control.name() + " operated during "
                    + audit.periodText() + (kinds.isEmpty() ? "" : " (evidence: " + kinds + ")"), key, null, audit.fieldworkStart()), taken, "");
            save(user, request);
            created.add(request);
        }
        return created;
    }

    /** What an import would do: the requests it would add, or every bad row and column. Nothing is saved either way. */
    record Preview(boolean valid, List<AuditRequest> requests, List<RequestCsv.CellError> errors) {
    }

    Preview preview(CurrentUser user, UUID auditId, String csv) {
        return preview(user, auditId, () -> RequestCsv.read(csv));
    }

    /** As {@link #preview(CurrentUser, UUID, String)}, for a workbook's first sheet. */
    Preview previewXlsx(CurrentUser user, UUID auditId, byte[] workbook) {
        return preview(user, auditId, () -> RequestXlsx.read(workbook));
    }

    private Preview preview(CurrentUser user, UUID auditId, java.util.function.Supplier<List<RequestCsv.Line>> file) {
        Audit audit = access.fieldwork(user, auditId);
        try {
            return new Preview(true, checked(audit, file.get()), List.of());
        } catch (RequestCsv.Rejected e) {
            return new Preview(false, List.of(), e.errors());
        }
    }

    /** Imports the whole file, or nothing when any row is bad. */
    @Transactional
    List<AuditRequest> importCsv(CurrentUser user, UUID auditId, String csv) {
        return importLines(user, auditId, () -> RequestCsv.read(csv));
    }

    /** Imports a workbook's first sheet whole, or nothing when any row is bad. */
    @Transactional
    List<AuditRequest> importXlsx(CurrentUser user, UUID auditId, byte[] workbook) {
        return importLines(user, auditId, () -> RequestXlsx.read(workbook));
    }

    private List<AuditRequest> importLines(CurrentUser user, UUID auditId, java.util.function.Supplier<List<RequestCsv.Line>> file) {
        Audit audit = access.fieldwork(user, auditId);
        List<AuditRequest> requests = checked(audit, file.get());
        requests.forEach(r -> store.insert(user.workspaceId(), r, clock.instant(), user.actor()));
        events.publishEvent(new AuditRequestsImported(user.workspaceId(), user.actor(), audit.id(), requests.size()));
        return requests;
    }

    private List<AuditRequest> checked(Audit audit, List<RequestCsv.Line> lines) {
        List<RequestCsv.CellError> errors = new ArrayList<>();
        List<String> taken = new ArrayList<>(store.references(audit.id()));
        List<AuditRequest> requests = new ArrayList<>();
        for (RequestCsv.Line line : lines) {
            RaiseRequest command = line.command(errors);
            try {
                commands.valid(command);
                requests.add(prepare(audit, command, taken, "row " + line.row()));
            } catch (InvalidFieldException e) {
                e.errors().forEach((field, message) -> errors.add(new RequestCsv.CellError(line.row(), column(field), message)));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestCsv.Rejected(errors);
        }
        return requests;
    }

    private static String column(String field) {
        return "dueOn".equals(field) ? "due date" : field;
    }

    /** The request as it will be stored; the control must be in scope and the reference free. */
    private AuditRequest prepare(Audit audit, RaiseRequest c, List<String> taken, String where) {
        String control = c.control() == null || c.control().isBlank() ? null : c.control().strip().toUpperCase(java.util.Locale.ROOT);
        if (control != null && !scope.controls(audit).contains(control)) {
            throw new InvalidFieldException("control", "'" + control + "' is not a control within this audit's scope");
        }
        String reference = c.reference() == null || c.reference().isBlank() ? next(taken) : c.reference().strip();
        if (taken.contains(reference)) {
            throw new InvalidFieldException("reference", "'" + reference + "' is already used in this audit");
        }
        taken.add(reference);
        return new AuditRequest(UUID.randomUUID(), audit.id(), reference, c.request().strip(), control,
                c.assignee() == null || c.assignee().isBlank() ? null : c.assignee().strip(), c.dueOn(), RequestStatus.OPEN, null, List.of());
    }

    private static String next(List<String> taken) {
        for (int n = taken.size() + 1; ; n++) {
            String candidate = "REQ-%03d".formatted(n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private void save(CurrentUser user, AuditRequest request) {
        store.insert(user.workspaceId(), request, clock.instant(), user.actor());
        events.publishEvent(new AuditRequestRaised(user.workspaceId(), user.actor(), request.auditId(), request.reference(), request.control()));
    }

    /** A request for a sampled item whose evidence Attest does not hold. */
    void raiseForSample(CurrentUser user, Audit audit, String reference, String text, String control) {
        List<String> taken = new ArrayList<>(store.references(audit.id()));
        if (!taken.contains(reference)) {
            save(user, prepare(audit, new RaiseRequest(reference, text.length() > 4000 ? text.substring(0, 4000) : text, control, null,
                    audit.fieldworkEnd()), taken, ""));
        }
    }

    /** Submit is the client's (audits:manage); accept and flag are the auditor's (audits:fieldwork). */
    @Transactional
    AuditRequest move(CurrentUser user, UUID auditId, UUID id, MoveRequest command) {
        if (AuditorAccess.isAuditor(user)) {
            // an auditor of another audit (or whose access ended) is refused before anything they sent is judged
            access.readable(user, auditId, null);
        }
        MoveRequest c = commands.valid(command);
        Permission needed = c.action().auditors() ? Permission.AUDITS_FIELDWORK : Permission.AUDITS_MANAGE;
        // Accepting or flagging is the auditor's judgement: the client never accepts its own evidence.
        if (!user.can(needed) || (c.action().auditors() && !AuditorAccess.isAuditor(user))) {
            throw new AccessDeniedException(c.action().wireName() + " is not yours to do");
        }
        Audit audit = c.action().auditors() ? access.fieldwork(user, auditId) : access.managed(user, auditId);
        AuditRequest request = store.find(user.workspaceId(), audit.id(), id).orElseThrow(() -> new NotFoundException("No request " + id));
        RequestStatus next = request.next(c.action(), c.comment());
        store.move(user.workspaceId(), id, next, c.action() == RequestAction.FLAG ? c.comment().strip() : null, clock.instant(), user.actor());
        store.recordMove(user.workspaceId(), audit.id(), id, new AuditRequestStore.Move(request.status(), next,
                c.comment() == null || c.comment().isBlank() ? null : c.comment().strip(), clock.instant(), user.actor()));
        events.publishEvent(new AuditRequestMoved(user.workspaceId(), user.actor(), audit.id(), request.reference(), request.status(), next));
        return store.find(user.workspaceId(), audit.id(), id).orElseThrow();
    }

    /** Attaches evidence already in the ledger, by reference. */
    @Transactional
    AuditRequest attach(CurrentUser user, UUID auditId, UUID id, AttachEvidence command) {
        AttachEvidence c = commands.valid(command);
        Audit audit = access.managed(user, auditId);
        AuditRequest request = store.find(user.workspaceId(), audit.id(), id).orElseThrow(() -> new NotFoundException("No request " + id));
        EvidenceItem item;
        try {
            item = evidence.get(user.workspaceId(), c.evidenceId());
        } catch (NotFoundException e) {
            throw new InvalidFieldException("evidenceId", "no such evidence in this workspace");
        }
        if (request.evidence().stream().anyMatch(e -> e.evidenceId().equals(item.id()))) {
            return request;
        }
        var attached = new AuditRequest.AttachedEvidence(item.id(), item.ledgerSeq(), item.sha256());
        store.attach(id, attached, clock.instant(), user.actor());
        events.publishEvent(new AuditEvidenceAttached(user.workspaceId(), user.actor(), audit.id(), request.reference(), item.id(), item.ledgerSeq()));
        return store.find(user.workspaceId(), audit.id(), id).orElseThrow();
    }

    /** Stores an upload in the evidence store (and so the ledger), then attaches it. */
    @Transactional
    AuditRequest upload(CurrentUser user, UUID auditId, UUID id, String title, String filename, String mediaType, InputStream content) {
        Audit audit = access.managed(user, auditId);
        AuditRequest request = store.find(user.workspaceId(), audit.id(), id).orElseThrow(() -> new NotFoundException("No request " + id));
        EvidenceItem item = evidence.add(user.workspaceId(), new NewEvidence("upload",
                title == null || title.isBlank() ? "Request " + request.reference() + ": " + filename : title, filename, mediaType,
                request.control() == null ? List.of() : List.of(request.control()), null, user.actor()), content);
        return attach(user, auditId, id, new AttachEvidence(item.id()));
    }

    String exportCsv(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, "request list export");
        return RequestCsv.write(store.list(user.workspaceId(), audit.id()));
    }

    byte[] exportXlsx(CurrentUser user, UUID auditId) {
        Audit audit = access.readable(user, auditId, "request list export");
        return RequestXlsx.write(store.list(user.workspaceId(), audit.id()));
    }
}
