package dev.attest.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One processing activity in the records of processing (GDPR Art. 30).
 *
 * @param recipients  who receives the data (vendor names as text for now)
 * @param transfers   transfers outside the EEA/UK, e.g. "United States"
 * @param controlKeys the catalog controls that carry the security measures, e.g. {@code EN-01}
 */
public record ProcessingRecord(UUID id, String name, String purpose, String legalBasis, String dataSubjects,
                               String dataCategories, String recipients, String transfers, String transferMechanism,
                               String retention, String securityMeasures, List<String> controlKeys,
                               Instant updatedAt, String updatedBy) {
}
