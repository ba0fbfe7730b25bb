package dev.attest.program.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.SearchTerm;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page behind the header's search box; htmx asks for the results alone. */
@Controller
@RequiredArgsConstructor
class SearchPages {

    private final WorkspaceSearch search;

    @GetMapping("/search")
    @RequiresPermission(Permission.CONTROLS_READ)
    String search(CurrentUser user, @RequestParam(required = false) String q, HttpServletRequest request, Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        if (q != null) {
            try {
                var groups = search.search(user, new SearchTerm(q));
                model.addAttribute("groups", groups);
                model.addAttribute("total", groups.values().stream().mapToInt(java.util.List::size).sum());
            } catch (InvalidFieldException e) {
                model.addAttribute("error", e.errors().get("q"));
            }
        }
        return Htmx.view(request, "program/search", "results");
    }
}
