package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A processing activity as written (GDPR Art. 30). A transfer needs its mechanism: a rule over two
 * fields, {@link #problems()}; that the control keys exist in the catalog is checked against it.
 *
 * @param controlKeys catalog control keys, stored upper case, distinct and sorted
 */
public record SaveProcessingRecord(@NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") String name,
                                   @NotBlank(message = "is required") @Size(max = 2000, message = "is longer than 2000 characters") String purpose,
                                   @Size(max = 200, message = "is longer than 200 characters") String legalBasis,
                                   @NotBlank(message = "is required") @Size(max = 2000, message = "is longer than 2000 characters") String dataSubjects,
                                   @NotBlank(message = "is required") @Size(max = 2000, message = "is longer than 2000 characters") String dataCategories,
                                   @Size(max = 2000, message = "is longer than 2000 characters") String recipients,
                                   @Size(max = 2000, message = "is longer than 2000 characters") String transfers,
                                   @Size(max = 200, message = "is longer than 200 characters") String transferMechanism,
                                   @NotBlank(message = "is required") @Size(max = 1000, message = "is longer than 1000 characters") String retention,
                                   @Size(max = 4000, message = "is longer than 4000 characters") String securityMeasures,
                                   List<String> controlKeys) {

    /** The ways a transfer outside the EEA/UK may rest on, as the form offers them. */
    public static final Set<String> MECHANISMS = Set.of("adequacy", "sccs", "bcrs", "dpf", "derogation");

    public SaveProcessingRecord {
        name = text(name);
        purpose = text(purpose);
        legalBasis = text(legalBasis);
        dataSubjects = text(dataSubjects);
        dataCategories = text(dataCategories);
        recipients = text(recipients);
        transfers = text(transfers);
        transferMechanism = text(transferMechanism);
        retention = text(retention);
        securityMeasures = text(securityMeasures);
        controlKeys = controlKeys == null ? List.of() : controlKeys.stream().filter(Objects::nonNull)
                .map(k -> k.strip().toUpperCase(Locale.ROOT)).filter(k -> !k.isEmpty()).distinct().sorted().toList();
    }

    /** Field to message: a transfer without its mechanism, or a mechanism that is not one of {@link #MECHANISMS}. */
    public Map<String, String> problems() {
        String allowed = String.join(", ", MECHANISMS.stream().sorted().toList());
        if (transfers != null && transferMechanism == null) {
            return Map.of("transferMechanism", "a transfer needs its mechanism: one of " + allowed);
        }
        if (transferMechanism != null && !MECHANISMS.contains(transferMechanism)) {
            return Map.of("transferMechanism", "choose one of " + allowed);
        }
        return Map.of();
    }

    /** The activity as stored, under its id, as changed now by {@code actor}. */
    public ProcessingRecord toRecord(java.util.UUID id, java.time.Instant now, String actor) {
        return new ProcessingRecord(id, name, purpose, legalBasis, dataSubjects, dataCategories, recipients, transfers, transferMechanism,
                retention, securityMeasures, controlKeys, now, actor);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
