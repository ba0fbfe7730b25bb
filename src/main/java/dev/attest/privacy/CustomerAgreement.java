package dev.attest.privacy;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A data processing agreement (DPA) or business associate agreement (BAA) a customer signed.
 *
 * @param kind {@code dpa} or {@code baa}
 */
public record CustomerAgreement(UUID id, String customer, String kind, String versionSigned, LocalDate signedOn,
                                boolean sccsIncluded) {
}
