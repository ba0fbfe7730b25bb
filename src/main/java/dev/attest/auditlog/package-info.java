/**
 * Audit log: the append-only, hash-chained record of who did what, when and from where, in each
 * workspace. It listens to every {@link dev.attest.identity.WorkspaceEvent} any module publishes
 * (sign-ins, permission changes and tokens included) and offers browsing, export and verification.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "catalog", "controls", "crypto"})
package dev.attest.auditlog;
