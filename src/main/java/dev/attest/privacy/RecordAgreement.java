package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * A DPA or BAA a customer signed. Standard contractual clauses belong in a DPA: {@link #problems()}.
 *
 * @param kind {@code dpa} or {@code baa}, in lower case
 */
public record RecordAgreement(@NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") String customer,
                              @NotNull(message = "choose dpa or baa") @Pattern(regexp = "dpa|baa", message = "choose dpa or baa") String kind,
                              @NotBlank(message = "is required") @Size(max = 64, message = "is longer than 64 characters") String versionSigned,
                              @NotNull(message = "is not a date (YYYY-MM-DD)") LocalDate signedOn,
                              boolean sccsIncluded) {

    public RecordAgreement {
        customer = customer == null || customer.isBlank() ? null : customer.strip();
        kind = kind == null || kind.isBlank() ? null : kind.strip().toLowerCase(Locale.ROOT);
        versionSigned = versionSigned == null || versionSigned.isBlank() ? null : versionSigned.strip();
    }

    /** Field to message: clauses in a BAA, or a signature dated after {@code today}. Empty when none. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (signedOn != null && signedOn.isAfter(today)) {
            problems.put("signedOn", "is in the future");
        }
        if (sccsIncluded && "baa".equals(kind)) {
            problems.put("sccsIncluded", "standard contractual clauses belong in a DPA, not a BAA");
        }
        return problems;
    }

    /** The agreement as registered, under a new id. */
    public CustomerAgreement toAgreement(java.util.UUID id) {
        return new CustomerAgreement(id, customer, kind, versionSigned, signedOn, sccsIncluded);
    }
}
