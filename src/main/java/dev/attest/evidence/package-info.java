/**
 * Evidence: uploaded files and every check run's result snapshot, stored content-addressed by
 * SHA-256 behind a storage interface, with their metadata, and the tamper-evident ledger (a hash
 * chain per workspace with Ed25519-signed checkpoints) that an auditor verifies online or offline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "identity", "web", "crypto"})
package dev.attest.evidence;
