package dev.attest.program.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.SearchTerm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Search", description = "One search over controls, requirements, policies, vendors, people, risks, incidents and evidence")
@RequiredArgsConstructor
class SearchApi {

    /** The answer: the text searched and the matches, kind by kind, at most eight of each kind. */
    record SearchResults(String q, List<SearchHit> results) {
    }

    private final WorkspaceSearch search;

    @GetMapping("/api/v1/search")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "Records whose name contains q, or whose id is q, grouped by kind (only kinds the caller may read)")
    SearchResults search(CurrentUser user, @RequestParam(required = false) String q) {
        SearchTerm term = new SearchTerm(q);
        return new SearchResults(term.text(), search.flat(user, term));
    }
}
