package dev.attest.responsibility;

import dev.attest.controls.ControlStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * Who carries one control of the library in a workspace. A control nobody assigned is the company's.
 *
 * @param providerId       the vendor (from the vendor register) that carries it, for provider and shared
 * @param providerDuty     what the provider must do: the complementary subservice organization control
 * @param customerGuidance what the customer must do, for customer and shared: the complementary user entity control
 * @param providerReport   the evidence item holding the provider's report (its SOC 2 report, for a carve-out), or null
 * @param status           the control's live status in the workspace
 */
public record Responsibility(String control, String controlName, String domain, Party party, UUID providerId, String providerName,
                             String providerDuty, String customerGuidance, UUID providerReport, ControlStatus status,
                             Instant updatedAt, String updatedBy) {

    /** A control nobody assigned: the company carries it. */
    public static Responsibility companys(String control, String controlName, String domain, ControlStatus status) {
        return new Responsibility(control, controlName, domain, Party.COMPANY, null, null, null, null, null, status, null, null);
    }

    /** The same control as a stored assignment has it, naming the provider as the vendor register does. */
    public Responsibility assigned(ResponsibilityChange change, String provider, Instant at, String by) {
        return new Responsibility(control, controlName, domain, change.assignedParty().orElse(Party.COMPANY), change.providerId(), provider,
                change.providerDuty(), change.customerGuidance(), change.providerReport(), status, at, by);
    }
}
