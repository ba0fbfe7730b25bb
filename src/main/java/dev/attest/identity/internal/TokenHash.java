package dev.attest.identity.internal;

import dev.attest.crypto.Tokens;
import dev.attest.crypto.Digests;

/**
 * API tokens are 256 random bits, so a plain SHA-256 is a safe way to store them: there is
 * nothing to guess, and lookup by hash stays one indexed query per request.
 */
final class TokenHash {

    private TokenHash() {
    }

    static String of(String token) {
        return Digests.sha256Hex(token);
    }

    static String newToken() {
        return "attest_" + Tokens.urlSafe(32);
    }

    static String newPassword() {
        return Tokens.urlSafe(18);
    }
}
