/**
 * People: the workforce roster (by hand, CSV import or SCIM), each person's onboarding (policy
 * acceptance, security training, confidentiality agreement, background check), offboarding
 * revocations, the employee portal and reminder digests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "policies", "monitoring :: spi", "obligations :: spi", "crypto"})
package dev.attest.people;
