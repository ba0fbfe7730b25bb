package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlHistory;
import dev.attest.controls.ControlProof;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the modules that test and document a control report about it: its monitors, its evidence and its history. */
@Service
@RequiredArgsConstructor
public class ControlProofs {

    /** The longest history page, and the deepest page: each source is asked for everything up to the page asked for. */
    static final int MAX_HISTORY_PAGE_SIZE = 100;
    static final int MAX_HISTORY_PAGE = 100;

    private final Catalog catalog;
    // Looked up lazily: the modules that test controls depend on the controls module in turn.
    private final ObjectProvider<ControlProof> proofSources;

    /** The control's monitors as the modules that test it report them, strongest first. */
    @Transactional(readOnly = true)
    public List<ControlProof.Monitor> monitors(WorkspaceId workspace, String key) {
        ControlKey control = catalog.requireControl(key).key();
        List<ControlProof.Monitor> all = new ArrayList<>();
        proofSources.orderedStream().forEach(source -> all.addAll(source.monitors(workspace, control)));
        return all;
    }

    /** Evidence linked to the control, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ControlProof.Evidence> evidence(WorkspaceId workspace, String key, int limit) {
        ControlKey control = catalog.requireControl(key).key();
        List<ControlProof.Evidence> all = new ArrayList<>();
        proofSources.orderedStream().forEach(source -> all.addAll(source.evidence(workspace, control, limit)));
        all.sort(Comparator.comparing(ControlProof.Evidence::collectedAt).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /**
     * One page of the control's history from every module that records it, newest first; {@code more}
     * says whether an older page exists.
     */
    @Transactional(readOnly = true)
    public ControlHistory history(WorkspaceId workspace, String key, int page, int size) {
        ControlKey control = catalog.requireControl(key).key();
        if (page < 0 || page > MAX_HISTORY_PAGE) {
            throw new InvalidFieldException("page", "a page from 0 to " + MAX_HISTORY_PAGE);
        }
        if (size < 1 || size > MAX_HISTORY_PAGE_SIZE) {
            throw new InvalidFieldException("size", "from 1 to " + MAX_HISTORY_PAGE_SIZE + " entries a page");
        }
        int wanted = (page + 1) * size + 1;
        List<ControlProof.HistoryEntry> all = new ArrayList<>();
        proofSources.orderedStream().forEach(source -> all.addAll(source.history(workspace, control, wanted)));
        all.sort(Comparator.comparing(ControlProof.HistoryEntry::at).reversed());
        int from = Math.min(all.size(), page * size);
        int to = Math.min(all.size(), from + size);
        return new ControlHistory(control.value(), page, size, List.copyOf(all.subList(from, to)), all.size() > to);
    }
}
