package dev.attest.trustcenter;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A visitor asks for a gated document of the public Trust Center and accepts its NDA. Blank texts are absent;
 * the messages are the ones the public request form shows beside each field.
 *
 * @param nda whether the visitor accepted the NDA
 */
public record RequestDocumentAccess(
        @NotNull(message = "your name is required") @Size(max = 200, message = "your name is required") String name,
        @NotNull(message = "your work email is required") @Size(max = 254, message = "this is not a valid email address")
        @Pattern(regexp = TrustCenter.EMAIL_FORM, message = "this is not a valid email address")
        String email,
        @NotNull(message = "your company is required") @Size(max = 200, message = "your company is required") String company,
        @Size(max = 2000, message = "at most 2000 characters") String reason,
        @AssertTrue(message = "accept the NDA to receive this document") boolean nda) {

    public RequestDocumentAccess {
        name = blankless(name);
        email = blankless(email);
        company = blankless(company);
        reason = blankless(reason);
    }

    /** The email's domain, lower case: requests from an allowed domain are approved at once. */
    public String domain() {
        return email.substring(email.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
