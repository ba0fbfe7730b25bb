package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A data-subject request as received, by staff or from a confirmed public submission. Whether the
 * law grants the right asked for is a rule over two fields: {@link #problems()}.
 *
 * @param email the requester's address, stored in lower case
 */
public record ReceiveRequest(@NotNull(message = "choose one of access, deletion, correction, portability, restriction, objection, opt-out-of-sale")
                             RequestType type,
                             @NotNull(message = "choose gdpr or ccpa") PrivacyLaw law,
                             @NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") String name,
                             @NotBlank(message = "is required") @Size(max = 254, message = EMAIL_PROBLEM)
                             @Pattern(regexp = EMAIL, message = EMAIL_PROBLEM) String email,
                             @Size(max = 4000, message = "is longer than 4000 characters") String details) {

    /** One @, no spaces or control characters, no "..", a dot in the domain: what a mail server will accept. */
    public static final String EMAIL = "^(?!.*\\.\\.)[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]{2,}$";
    static final String EMAIL_PROBLEM = "is not a valid email address";

    public ReceiveRequest {
        name = text(name);
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        details = text(details);
    }

    /** The requester's personal data as it is sealed. */
    public DataSubject subject() {
        return new DataSubject(name, email, details);
    }

    /** The request as text, as a public submission is held until its link is opened. */
    public NewRequest asText() {
        return new NewRequest(type.wireName(), law.wireName(), name, email, details);
    }

    /** Field to message: a right the chosen law does not grant. Empty when the two fit. */
    public java.util.Map<String, String> problems() {
        return type != null && law != null && !type.grantedBy(law)
                ? java.util.Map.of("type", type.wireName() + " is not a right under " + law.name()) : java.util.Map.of();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
