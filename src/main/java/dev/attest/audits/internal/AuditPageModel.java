package dev.attest.audits.internal;

import dev.attest.audits.Audit;
import dev.attest.audits.AuditAction;
import dev.attest.audits.AuditFinding;
import dev.attest.audits.AuditRequest;
import dev.attest.audits.FindingKind;
import dev.attest.audits.RequestStatus;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.PageForms;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one audit's page shows, gathered through the module's use cases (so the auditor's
 * access rules and audit trail apply), and the form values a refused post is shown again with.
 */
@Component
@RequiredArgsConstructor
class AuditPageModel {

    /** The request filter's choices as the page names them; "ready" is evidence waiting for the auditor. */
    static final List<String> FILTERS = List.of("not_ready", "ready", "accepted", "flagged");

    private final AuditorAccess access;
    private final RequestLists requests;
    private final AuditFindings findings;
    private final Sampling sampling;
    private final EvidenceLocker evidence;

    /** Fills the model for {@code audits/audit}; {@code failed} names the form whose {@code errors} are shown, or null. */
    void fill(CurrentUser user, UUID id, String filter, Model model, String failed, Map<String, String> errors, Map<String, String> form) {
        Audit audit = access.readable(user, id, "audit page");
        String chosen = filter != null && FILTERS.contains(filter) ? filter : null;
        List<AuditRequest> all = requests.list(user, id);
        Map<String, Long> counts = new LinkedHashMap<>();
        FILTERS.forEach(f -> counts.put(f, all.stream().filter(r -> state(r.status()).equals(f)).count()));
        List<AuditFinding> found = findings.list(user, id);
        boolean auditor = AuditorAccess.isAuditor(user);
        boolean manage = user.can(Permission.AUDITS_MANAGE);
        model.addAttribute("audit", audit);
        model.addAttribute("requests", chosen == null ? all : all.stream().filter(r -> state(r.status()).equals(chosen)).toList());
        model.addAttribute("requestCount", all.size());
        model.addAttribute("moves", requests.moves(user, id));
        model.addAttribute("filter", chosen);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("counts", counts);
        model.addAttribute("findings", found);
        model.addAttribute("blocking", found.stream().filter(AuditFinding::blocksCompletion).map(AuditFinding::reference).toList());
        model.addAttribute("findingKinds", FindingKind.values());
        model.addAttribute("samples", sampling.list(user, id));
        model.addAttribute("populations", sampling.populations(user, id));
        model.addAttribute("auditors", access.auditors(user, id));
        model.addAttribute("actions", java.util.Arrays.stream(AuditAction.values()).filter(a -> possible(audit, a)).toList());
        model.addAttribute("isAuditor", auditor);
        model.addAttribute("canManage", manage);
        model.addAttribute("canFieldwork", user.can(Permission.AUDITS_FIELDWORK) && !audit.status().ended());
        model.addAttribute("ledger", manage ? ledgerChoices(user, all) : Map.of());
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("form", form == null ? Map.of() : form);
    }

    private static boolean possible(Audit audit, AuditAction action) {
        try {
            audit.apply(action);
            return true;
        } catch (InvalidFieldException e) {
            return false;
        }
    }

    /** The evidence a request can be given from the ledger: its control's evidence first, then the latest of the workspace. */
    private Map<UUID, List<EvidenceItem>> ledgerChoices(CurrentUser user, List<AuditRequest> all) {
        List<EvidenceItem> latest = evidence.list(user.workspaceId(), null, null, 50);
        Map<String, List<EvidenceItem>> byControl = new LinkedHashMap<>();
        Map<UUID, List<EvidenceItem>> choices = new LinkedHashMap<>();
        for (AuditRequest r : all) {
            if (r.status() == RequestStatus.ACCEPTED) {
                continue;
            }
            List<EvidenceItem> own = r.control() == null ? List.of()
                    : byControl.computeIfAbsent(r.control(), c -> evidence.list(user.workspaceId(), c, null, 25));
            choices.put(r.id(), java.util.stream.Stream.concat(own.stream(), latest.stream()).distinct().toList());
        }
        return choices;
    }

    /** Where a request stands as both sides read it: the client owes it, the auditor has it, it is done, or it came back. */
    static String state(RequestStatus status) {
        return switch (status) {
            case OPEN -> "not_ready";
            case SUBMITTED, RESUBMITTED -> "ready";
            case ACCEPTED -> "accepted";
            case FLAGGED -> "flagged";
        };
    }

    /** A page form's change: on success back to the audit page at {@code anchor}, on a refusal the page again with the form's errors. */
    String submit(CurrentUser user, UUID id, String failed, Map<String, String> form, Model model,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String anchor, java.util.function.Supplier<String> change) {
        return PageForms.submit(() -> {
            redirect.addFlashAttribute("notice", change.get());
            return "redirect:/audits/" + id + "#" + anchor;
        }, errors -> {
            fill(user, id, null, model, failed, errors, form);
            return "audits/audit";
        });
    }

    /** A download link that was refused (an unknown population or version): a plain 400 saying which field and why. */
    static org.springframework.http.ResponseEntity<byte[]> refusal(InvalidFieldException e) {
        String text = e.errors().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).collect(java.util.stream.Collectors.joining("\n"));
        return org.springframework.http.ResponseEntity.badRequest().contentType(new org.springframework.http.MediaType("text", "plain",
                java.nio.charset.StandardCharsets.UTF_8)).body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A date field; a value that is not a date is an error naming the field. */
    static LocalDate date(Map<String, String> form, String name) {
        String value = AuditForms.text(form, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be a date such as 2027-01-31");
        }
    }
}
