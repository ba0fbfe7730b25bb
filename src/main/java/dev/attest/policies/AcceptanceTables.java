package dev.attest.policies;

import org.springframework.modulith.NamedInterface;

/**
 * The published policies and their acceptances as two derived tables another module may join in its own SQL, so
 * that it counts acceptances in the database (people's compliance over ten thousand people) without reading this
 * module's tables. The columns named here are the contract; the tables behind them stay this module's to change.
 * Both read every workspace: the caller joins on {@code workspace_id}.
 */
@NamedInterface("acceptances")
public final class AcceptanceTables {

    /**
     * Each policy's current version, the latest published one: {@code (workspace_id, policy_id, version_id, published_at)},
     * as {@link PolicySummary#current()} has it.
     */
    public static final String CURRENT_VERSIONS = "(select v.workspace_id, v.policy_id, v.id as version_id, v.published_at"
            + " from policy_version v where v.status = 'published' and not exists (select 1 from policy_version n"
            + " where n.policy_id = v.policy_id and n.status = 'published' and n.number > v.number))";

    /** Every acceptance of a version: {@code (workspace_id, version_id, email, accepted_at)}, the email as accepted (lower case). */
    public static final String ACCEPTANCES = "(select a.workspace_id, a.version_id, a.email, a.accepted_at from policy_acceptance a)";

    private AcceptanceTables() {
    }
}
