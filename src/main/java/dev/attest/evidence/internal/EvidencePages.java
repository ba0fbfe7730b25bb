package dev.attest.evidence.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.catalog.Catalog;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.EvidenceTooLargeException;
import dev.attest.evidence.EvidenceStorageUnavailableException;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.web.CsvWriter;
import dev.attest.web.Htmx;
import dev.attest.web.TablePage;
import dev.attest.web.TableQuery;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The evidence locker's page: the evidence list with its filters, the upload form, and the ledger's state and check. */
@Controller
@RequiredArgsConstructor
class EvidencePages {

    static final String PAGE = "/evidence";
    private static final int CSV_LIMIT = 100_000;
    private static final List<String> KINDS = List.of("upload", "check-results");

    private final EvidenceLocker evidence;
    private final Catalog catalog;

    @GetMapping(PAGE)
    @RequiresPermission(Permission.EVIDENCE_READ)
    String list(CurrentUser user, @RequestParam(required = false) String control, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String tooLarge, @RequestParam(required = false) UUID added,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) String page, HttpServletRequest request, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (tooLarge != null) {
            errors.put("file", tooLargeMessage());
        }
        prepare(user, model, control, kind, errors, Map.of());
        long total = evidence.count(user.workspaceId(), control, kind);
        TableQuery query = TableQuery.lenient(sort, dir, page, EvidenceItemStore.SORTS.keySet(), "collected", true).within(total);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("control", control == null ? null : control.strip());
        filters.put("kind", kind == null ? null : kind.strip());
        model.addAttribute("table", new TablePage<>(evidence.page(user.workspaceId(), control, kind, query), total, query, PAGE, filters));
        model.addAttribute("added", added);
        return Htmx.view(request, "evidence/list", "results");
    }

    @GetMapping(PAGE + "/export")
    @RequiresPermission(Permission.EVIDENCE_READ)
    void export(CurrentUser user, @RequestParam(required = false) String control, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, HttpServletResponse response)
            throws IOException {
        TableQuery order = TableQuery.lenient(sort, dir, null, EvidenceItemStore.SORTS.keySet(), "collected", true);
        List<EvidenceItem> items = evidence.page(user.workspaceId(), control, kind, new TableQuery(order.sort(), order.descending(), 1, CSV_LIMIT));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"evidence.csv\"");
        CsvWriter csv = new CsvWriter(response.getWriter());
        csv.row("id", "title", "filename", "kind", "media_type", "size_bytes", "sha256", "controls", "collected_by", "collected_at",
                "valid_until", "ledger_seq");
        for (EvidenceItem e : items) {
            csv.row(e.id(), e.title(), e.filename(), e.kind(), e.mediaType(), e.size(), e.sha256(), String.join(" ", e.controls()),
                    e.collectedBy(), e.collectedAt(), e.validUntil(), e.ledgerSeq());
        }
    }

    private void prepare(CurrentUser user, Model model, String control, String kind, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("control", control == null ? "" : control.strip());
        model.addAttribute("kind", kind == null ? "" : kind.strip());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("controls", catalog.controls());
        model.addAttribute("ledger", evidence.ledgerStatus(user.workspaceId()));
        model.addAttribute("ledgerKey", evidence.ledgerKeys(user.workspaceId()).get(0));
        model.addAttribute("canUpload", user.can(Permission.EVIDENCE_WRITE));
        model.addAttribute("limit", DataSize.ofBytes(evidence.maxUploadBytes()).toMegabytes() + " MB");
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
    }

    @PostMapping(PAGE)
    @RequiresPermission(Permission.EVIDENCE_WRITE)
    String upload(CurrentUser user, @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String controls, @RequestParam(defaultValue = "") String validUntil, Model model,
                  HttpServletResponse response) {
        Map<String, String> form = Map.of("title", title, "controls", controls, "validUntil", validUntil);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            if (file == null || file.isEmpty()) {
                errors.put("file", "choose the file to upload");
            }
            if (!errors.isEmpty()) {
                throw new InvalidFieldException(errors);
            }
            NewEvidence meta = new NewEvidence("upload", title.isBlank() ? file.getOriginalFilename() : title, file.getOriginalFilename(), file.getContentType(),
                    EvidenceApi.keys(controls), EvidenceApi.date("validUntil", validUntil), user.actor());
            try (InputStream in = file.getInputStream()) {
                EvidenceItem item = evidence.add(user.workspaceId(), meta, in);
                return "redirect:" + PAGE + "?added=" + item.id();
            }
        } catch (InvalidFieldException e) {
            errors.putAll(e.errors());
        } catch (EvidenceTooLargeException e) {
            errors.put("file", tooLargeMessage());
        } catch (EvidenceStorageUnavailableException e) {
            errors.put("file", "the evidence store is unavailable just now; nothing was recorded, try again shortly");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepare(user, model, null, null, errors, form);
        long total = evidence.count(user.workspaceId(), null, null);
        TableQuery query = TableQuery.lenient(null, null, null, EvidenceItemStore.SORTS.keySet(), "collected", true);
        model.addAttribute("table", new TablePage<>(evidence.page(user.workspaceId(), null, null, query), total, query, PAGE, Map.of()));
        return "evidence/list";
    }

    private String tooLargeMessage() {
        return "the file is larger than the upload limit of " + DataSize.ofBytes(evidence.maxUploadBytes()).toMegabytes() + " MB";
    }

    @GetMapping(PAGE + "/{id}/content")
    @RequiresPermission(Permission.EVIDENCE_READ)
    ResponseEntity<InputStreamResource> download(CurrentUser user, @PathVariable UUID id) {
        return EvidenceApi.download(evidence, user, id);
    }

    @GetMapping(PAGE + "/ledger/verify")
    @RequiresPermission(Permission.EVIDENCE_READ)
    String verify(CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("verification", evidence.verifyLedger(user.workspaceId()));
        model.addAttribute("ledger", evidence.ledgerStatus(user.workspaceId()));
        return Htmx.view(request, "evidence/verify", "verification");
    }

    @GetMapping(PAGE + "/ledger/export")
    @RequiresPermission(Permission.EVIDENCE_READ)
    void export(CurrentUser user, HttpServletResponse response) throws IOException {
        EvidenceApi.export(evidence, user, response);
    }
}
