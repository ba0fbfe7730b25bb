package dev.attest.identity;

import java.util.List;
import java.util.Optional;

/** Looks up the members of a workspace, for modules that assign work to people. */
public interface WorkspaceMembers {

    List<Member> members(WorkspaceId workspace);

    Optional<Member> memberByEmail(WorkspaceId workspace, String email);

    /** The active members with their second-factor state and membership date, for access reviews. */
    List<MemberAccount> memberAccounts(WorkspaceId workspace);
}
