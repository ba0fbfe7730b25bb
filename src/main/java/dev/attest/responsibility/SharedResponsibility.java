package dev.attest.responsibility;

import dev.attest.identity.WorkspaceId;

import java.util.List;

/**
 * The shared-responsibility model of a workspace as other modules read it, kept on the control library: each
 * control is the company's unless assigned to a provider (a vendor of the register), shared with one, or left to
 * the customer with guidance. The SOC 2 complementary controls and the public page come from it.
 */
public interface SharedResponsibility {

    /** Every control of the library with who carries it and its live status, in key order. */
    List<Responsibility> matrix(WorkspaceId workspace);

    /**
     * The SOC 2 complementary controls, per criterion in the framework's order: the customer parts (CUECs) and
     * the provider parts (CSOCs) of the controls mapped to each criterion. Criteria without either are left out.
     */
    List<ComplementaryControls> complementaryControls(WorkspaceId workspace);
}
