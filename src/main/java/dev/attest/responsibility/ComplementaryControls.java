package dev.attest.responsibility;

import java.util.List;

/**
 * The SOC 2 complementary controls of one criterion, as an auditor lists them in the report: what
 * user entities (customers) must do, and what each subservice organization (provider) must do,
 * for the criterion to be met.
 */
public record ComplementaryControls(String criterion, String title, List<UserEntityControl> userEntity,
                                    List<SubserviceControl> subservice) {

    /** A complementary user entity control (CUEC): the customer's part of a control. */
    public record UserEntityControl(String control, String controlName, String guidance) {
    }

    /** A complementary subservice organization control (CSOC): what a provider must do. */
    public record SubserviceControl(String control, String controlName, String provider, String duty, boolean reportOnFile) {
    }
}
