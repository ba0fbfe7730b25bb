package dev.attest.identity.internal;

import dev.attest.web.InvalidFieldException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least 12 characters, at most 72 bytes (bcrypt reads no more),
 * not the email, and not on the bundled list of the most common passwords.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final int MAX_BYTES = 72;

    private final Set<String> common = new HashSet<>();

    PasswordPolicy() {
        var resource = new ClassPathResource("identity/common-passwords.txt");
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> common.add(l.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("The common password list is missing from the build", e);
        }
    }

    /** Throws a field error naming what is wrong with the password, for the given form field. */
    void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidFieldException(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFieldException(field, "must be at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            throw new InvalidFieldException(field, "is one of the most common passwords; choose another");
        }
        if (email != null && lower.equals(email.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException(field, "must not be your email");
        }
    }
}
