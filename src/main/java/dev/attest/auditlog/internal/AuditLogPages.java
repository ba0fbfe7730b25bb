package dev.attest.auditlog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.auditlog.AuditFilter;
import dev.attest.auditlog.AuditTrail;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The page to browse and filter the audit trail, and to check its chain. */
@Controller
@RequiredArgsConstructor
class AuditLogPages {

    private static final int SIZE = 50;

    private final AuditTrail trail;

    @GetMapping("/audit-log")
    @RequiresPermission(Permission.AUDIT_READ)
    String browse(CurrentUser user, @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                  HttpServletRequest request, Model model) {
        AuditFilter filter = AuditFilter.none();
        int p = 0;
        try {
            filter = AuditQuery.filter(actor, action, target, from, to);
            p = AuditQuery.page(page);
        } catch (InvalidFieldException e) {
            model.addAttribute("filterErrors", e.errors());
        }
        long total = trail.count(user.workspaceId(), filter);
        model.addAttribute("entries", model.containsAttribute("filterErrors") ? List.of() : trail.entries(user.workspaceId(), filter, p, SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("hasNext", (long) (p + 1) * SIZE < total);
        var query = new java.util.LinkedHashMap<String, String>();
        query.put("actor", actor == null ? "" : actor);
        query.put("action", action == null ? "" : action);
        query.put("target", target == null ? "" : target);
        query.put("from", from == null ? "" : from);
        query.put("to", to == null ? "" : to);
        model.addAttribute("query", query);
        return Htmx.view(request, "auditlog/log", "entries");
    }

    /**
     * The page's own download: the signed-in session's CSV of the entries the filters select (the API export
     * wants a bearer token, so a browser following a link to it got a 401).
     */
    @GetMapping(value = "/audit-log/export.csv")
    @RequiresPermission(Permission.AUDIT_READ)
    void export(CurrentUser user, @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        AuditFilter filter = AuditQuery.filter(actor, action, target, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        var out = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        AuditLogApi.writeCsv(trail, user, filter, out);
        out.flush();
    }

    @GetMapping("/audit-log/verify")
    @RequiresPermission(Permission.AUDIT_READ)
    String verify(CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("verification", trail.verify(user.workspaceId()));
        return Htmx.view(request, "auditlog/verify", "result");
    }
}
