package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.DiffRow;
import dev.attest.policies.Policy;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyVersion;
import dev.attest.web.NotFoundException;
import dev.attest.web.SearchTerm;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workspace's policies as they stand: each with its current and open version and review state,
 * every version of one, and two versions compared line by line.
 */
@Service
@RequiredArgsConstructor
public class PolicyRegister {

    private final PolicyStore store;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<PolicySummary> list(WorkspaceId workspace) {
        Map<UUID, List<PolicyVersion>> versions = store.allVersions(workspace);
        LocalDate today = today();
        return store.policies(workspace).stream()
                .map(p -> PolicySummary.of(p, versions.getOrDefault(p.id(), List.of()), today)).toList();
    }

    /** One policy; an id from another workspace is a 404. */
    @Transactional(readOnly = true)
    public PolicySummary get(WorkspaceId workspace, UUID id) {
        return PolicySummary.of(require(workspace, id), store.versions(workspace, id), today());
    }

    /** The policies whose title contains the term or whose id it is, by title, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Policy> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<PolicyVersion> versions(WorkspaceId workspace, UUID id) {
        require(workspace, id);
        return store.versions(workspace, id);
    }

    @Transactional(readOnly = true)
    public PolicyVersion version(WorkspaceId workspace, UUID id, int number) {
        return versions(workspace, id).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + number + " of this policy"));
    }

    /** Two versions side by side, line by line. */
    @Transactional(readOnly = true)
    public List<DiffRow> compare(WorkspaceId workspace, UUID id, int from, int to) {
        return LineDiff.compare(version(workspace, id, from).body(), version(workspace, id, to).body());
    }

    /** The policy, or a 404. */
    Policy require(WorkspaceId workspace, UUID id) {
        return store.policy(workspace, id).orElseThrow(() -> new NotFoundException("No such policy"));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
