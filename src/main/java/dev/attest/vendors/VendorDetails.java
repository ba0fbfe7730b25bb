package dev.attest.vendors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A vendor as someone enters it, the command behind adding and changing one: every field as it should be
 * afterwards. Dates are calendar days. Rules over several fields and over the register stay in the register.
 *
 * @param countries        ISO 3166-1 alpha-2 codes of where it processes data
 * @param tierOverride     a tier chosen by hand instead of the derived one, or null
 * @param overrideReason   required with an override
 * @param reportType       {@code soc2} or {@code iso27001} when an assurance report was reviewed
 * @param transferMechanism how data leaving the EEA is covered, or null
 */
public record VendorDetails(@NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String name,
                            String website, @Size(max = 2000, message = "at most 2000 characters") String purpose, Set<DataCategory> data, List<String> countries,
                            boolean subprocessor, String owner, RiskTier tierOverride, String overrideReason,
                            LocalDate contractStart, LocalDate contractEnd,
                            String reportType, LocalDate reportReviewedOn, String reportReviewer, String reportFindings,
                            LocalDate dpaSignedOn, String dpaDocument, LocalDate baaSignedOn,
                            TransferMechanism transferMechanism) {

    public VendorDetails {
        data = data == null ? Set.of() : Set.copyOf(data);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
