package dev.attest.monitoring;

import dev.attest.web.InvalidFieldException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Ask that the finding's risk be accepted until a day, by an approver other than the one asking. */
public record RequestRiskAcceptance(@NotBlank(message = "is required") @Size(max = 900) String reason,
                             @NotBlank(message = "is required") @Size(max = 320) String approver,
                             @NotBlank(message = "is required, as a date such as 2027-03-31") String expiresOn) {
    public String approverEmail() {
        return approver.strip().toLowerCase(Locale.ROOT);
    }

    public LocalDate expiryDay() {
        try {
            return LocalDate.parse(expiresOn.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("expiresOn", "a date such as 2027-03-31");
        }
    }
}
