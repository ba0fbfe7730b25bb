package dev.attest.program.internal;

import dev.attest.catalog.Catalog;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.identity.CurrentUser;
import dev.attest.incidents.IncidentSearch;
import dev.attest.people.People;
import dev.attest.policies.Policies;
import dev.attest.risks.RiskRegister;
import dev.attest.vendors.Vendors;
import dev.attest.web.SearchTerm;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One search over the records of every module: each module answers through its own facade with at most
 * {@link #PER_KIND} matches, and only the kinds the person may read are asked.
 */
@Service
class WorkspaceSearch {

    static final int PER_KIND = 8;

    private final Map<SearchKind, Function<Query, List<SearchHit>>> sources;

    private record Query(CurrentUser user, SearchTerm term) {
    }

    WorkspaceSearch(Catalog catalog, Policies policies, Vendors vendors, People people, RiskRegister risks,
                    IncidentSearch incidents, EvidenceLocker evidence) {
        sources = new java.util.EnumMap<>(SearchKind.class);
        sources.put(SearchKind.CONTROL, q -> catalog.searchControls(q.term(), PER_KIND).stream()
                .map(c -> new SearchHit(SearchKind.CONTROL, c.key().value(), c.name(), c.key().value(),
                        "/controls/" + c.key().value())).toList());
        sources.put(SearchKind.REQUIREMENT, q -> catalog.searchRequirements(q.term(), PER_KIND).stream()
                .map(r -> new SearchHit(SearchKind.REQUIREMENT, r.framework() + ":" + r.ref(), r.title(),
                        catalog.framework(r.framework()).map(f -> f.name()).orElse(r.framework()) + " " + r.ref(),
                        "/frameworks/" + r.framework() + "#" + RequirementAnchor.of(r.ref()))).toList());
        sources.put(SearchKind.POLICY, q -> policies.search(q.user().workspaceId(), q.term(), PER_KIND).stream()
                .map(p -> new SearchHit(SearchKind.POLICY, p.id().toString(), p.title(),
                        p.owner() == null ? "No owner" : "Owner " + p.owner(), "/policies/" + p.id())).toList());
        sources.put(SearchKind.VENDOR, q -> vendors.search(q.user().workspaceId(), q.term(), PER_KIND).stream()
                .map(v -> new SearchHit(SearchKind.VENDOR, v.id().toString(), v.details().name(),
                        v.riskTier().label() + " risk" + (v.details().subprocessor() ? ", subprocessor" : ""),
                        "/vendors/" + v.id())).toList());
        sources.put(SearchKind.PERSON, q -> people.search(q.user().workspaceId(), q.term(), PER_KIND).stream()
                .map(p -> new SearchHit(SearchKind.PERSON, p.id().toString(), p.name(), p.email(), "/people/" + p.id())).toList());
        sources.put(SearchKind.RISK, q -> risks.search(q.user().workspaceId(), q.term(), PER_KIND).stream()
                .map(r -> new SearchHit(SearchKind.RISK, r.id().toString(), r.title(), r.category(), "/risks/" + r.id())).toList());
        sources.put(SearchKind.INCIDENT, q -> incidents.search(q.user().workspaceId(), q.term(), PER_KIND).stream()
                .map(i -> new SearchHit(SearchKind.INCIDENT, i.id().toString(), i.title(), "Status " + i.status().wireName(),
                        "/incidents/" + i.id())).toList());
        sources.put(SearchKind.EVIDENCE, q -> evidence.search(q.user().workspaceId(), q.term(), PER_KIND).stream()
                .map(e -> new SearchHit(SearchKind.EVIDENCE, e.id().toString(), e.title(),
                        e.filename() == null ? e.kind() : e.filename(), "/evidence/" + e.id() + "/content")).toList());
    }

    /** The matches of every kind the person may read, grouped by kind in {@link SearchKind} order. */
    Map<SearchKind, List<SearchHit>> search(CurrentUser user, SearchTerm term) {
        Map<SearchKind, List<SearchHit>> found = new java.util.EnumMap<>(SearchKind.class);
        Query query = new Query(user, term);
        for (var source : sources.entrySet()) {
            if (user.can(source.getKey().needs())) {
                List<SearchHit> hits = source.getValue().apply(query);
                if (!hits.isEmpty()) {
                    found.put(source.getKey(), hits);
                }
            }
        }
        return found;
    }

    /** The matches as one list, kind by kind. */
    List<SearchHit> flat(CurrentUser user, SearchTerm term) {
        List<SearchHit> all = new ArrayList<>();
        search(user, term).values().forEach(all::addAll);
        return all;
    }
}
