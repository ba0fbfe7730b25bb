package dev.attest.people;

import dev.attest.identity.WorkspaceId;
import dev.attest.web.SearchTerm;

import java.util.List;
import java.util.Optional;

/**
 * What other modules read of the workforce roster: the people, one by email, a search, and each
 * person's onboarding and offboarding items as of now. Changes go through the module's own pages,
 * API and SCIM.
 */
public interface People {

    /** The systems whose access is revoked on departure until an admin lists the workspace's own. */
    List<String> DEFAULT_SYSTEMS = List.of("Identity provider", "Email", "Source code hosting", "Cloud console");

    List<Person> list(WorkspaceId workspace);

    Optional<Person> byEmail(WorkspaceId workspace, String email);

    /** The people whose name or email contains the term or whose id it is, by name, at most {@code limit}. */
    List<Person> search(WorkspaceId workspace, SearchTerm term, int limit);

    /**
     * How many people there are, how many have everything done and how many have something overdue, counted in the
     * database as the people list counts them.
     */
    ComplianceSummary compliance(WorkspaceId workspace);

    /** Every person with their items as of now. */
    List<PersonStatus> statuses(WorkspaceId workspace);
}
