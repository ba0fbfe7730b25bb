package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.internal.IncidentStore;
import dev.attest.web.SearchTerm;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Finds a workspace's incidents by title or id, for the search box in the header. */
@Service
@RequiredArgsConstructor
public class IncidentSearch {

    private final IncidentStore store;

    /** The incidents whose title contains the term or whose id it is, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Incident> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }
}
