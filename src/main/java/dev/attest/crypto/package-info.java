/**
 * Shared cryptography: the operator's master key and the keys derived from it, the checkpoint witness
 * and the checkpoint/verifier rules the hash chains share, and the one place for SHA-256 digests
 * ({@link dev.attest.crypto.Digests}) and random secret tokens ({@link dev.attest.crypto.Tokens}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "web")
package dev.attest.crypto;
