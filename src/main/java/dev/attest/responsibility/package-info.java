/**
 * Shared responsibility: who carries each control of a workspace (the company, a provider from the
 * vendor register, both, or the customer), the guidance for customers, and the SOC 2 terms that
 * follow from it: complementary user entity controls and complementary subservice organization
 * controls per criterion.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "vendors", "evidence", "identity", "web"})
package dev.attest.responsibility;
