/**
 * Audits: engagements (framework, scope, kind, firm, period, fieldwork, status), auditors invited
 * to one audit, request lists, populations and reproducible samples, the ISO 27001 Statement of
 * Applicability, audit findings, the signed report that updates the Trust Center, and the audit
 * package that an auditor verifies offline ({@code java -jar attest.jar verify-package FILE}).
 * Reads other modules through their public APIs only; offers its audits and requests to monitoring
 * and its dates to the obligations calendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "catalog", "controls", "evidence",
        "monitoring :: spi", "obligations :: spi", "trustcenter", "auditlog", "crypto"})
package dev.attest.audits;
