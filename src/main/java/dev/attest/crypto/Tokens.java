package dev.attest.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets handed to people or clients (API, SCIM and calendar tokens, links in mails):
 * bytes from {@link SecureRandom}, written URL-safe Base64 without padding.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A token of the given number of random bytes (32 bytes are 256 bits, 43 characters). */
    public static String urlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** The given number of random bytes. */
    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
