/**
 * Privacy: data-subject requests (intake from staff and from the public Trust Center form, legal
 * deadlines, identity verification, per-system tasks, response, closure and purge of the
 * requester's personal data), records of processing (GDPR Art. 30) and the register of customer
 * DPAs and BAAs. Offers its requests to monitoring and its deadlines to the obligations calendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "catalog", "monitoring :: spi", "obligations :: spi", "trustcenter", "crypto"})
package dev.attest.privacy;
