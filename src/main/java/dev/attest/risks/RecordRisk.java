package dev.attest.risks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A risk as recorded or edited, typed and checked: the command behind the new-risk form, the edit form, the API's
 * bodies and each row of an import. Names are stripped and blank is absent; control keys are upper case, each once;
 * an approver and an expiry belong to an accepted risk only, so other treatments drop them.
 *
 * @param owner      the email of the member who owns the risk
 * @param controls   keys of the catalog controls that treat it
 * @param reviewedOn when it was last reviewed
 */
public record RecordRisk(@NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String title,
                         @Size(max = 4000, message = "at most 4000 characters") String description,
                         @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters") String category,
                         @NotBlank(message = "name the member who owns this risk") String owner,
                         @NotNull(message = RecordRisk.RATING) @Min(value = 1, message = RecordRisk.RATING)
                         @Max(value = 5, message = RecordRisk.RATING) Integer inherentLikelihood,
                         @NotNull(message = RecordRisk.RATING) @Min(value = 1, message = RecordRisk.RATING)
                         @Max(value = 5, message = RecordRisk.RATING) Integer inherentImpact,
                         @NotNull(message = RecordRisk.RATING) @Min(value = 1, message = RecordRisk.RATING)
                         @Max(value = 5, message = RecordRisk.RATING) Integer residualLikelihood,
                         @NotNull(message = RecordRisk.RATING) @Min(value = 1, message = RecordRisk.RATING)
                         @Max(value = 5, message = RecordRisk.RATING) Integer residualImpact,
                         @NotNull(message = "choose one of mitigate, accept, transfer, avoid") Treatment treatment,
                         @Size(max = 320, message = "at most 320 characters") String acceptanceApprover,
                         LocalDate acceptanceExpiresOn,
                         List<String> controls,
                         @NotNull(message = "give a date as YYYY-MM-DD") LocalDate reviewedOn) {

    /** What a rating out of range says. */
    public static final String RATING = "rate it from 1 to 5";

    public RecordRisk {
        title = text(title);
        description = text(description);
        category = text(category);
        owner = text(owner);
        acceptanceApprover = treatment == Treatment.ACCEPT ? text(acceptanceApprover) : null;
        acceptanceExpiresOn = treatment == Treatment.ACCEPT ? acceptanceExpiresOn : null;
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String key : controls == null ? List.<String>of() : controls) {
            if (key != null && !key.isBlank()) {
                keys.add(key.strip().toUpperCase(Locale.ROOT));
            }
        }
        controls = List.copyOf(keys);
    }

    /** The command that keeps a stored risk as it is, for changes of one field. */
    public static RecordRisk of(Risk r) {
        return new RecordRisk(r.title(), r.description(), r.category(), r.owner(), r.inherentLikelihood(), r.inherentImpact(),
                r.residualLikelihood(), r.residualImpact(), r.treatment(), r.acceptanceApprover(), r.acceptanceExpiresOn(), r.controls(),
                r.reviewedOn());
    }

    /** The same risk owned by the member with this email. */
    public RecordRisk withOwner(String email) {
        return new RecordRisk(title, description, category, email, inherentLikelihood, inherentImpact, residualLikelihood, residualImpact,
                treatment, acceptanceApprover, acceptanceExpiresOn, controls, reviewedOn);
    }

    /** The risk this command records, under {@code id}, created at {@code createdAt} and changed now by {@code actor}. */
    public Risk toRisk(UUID id, Instant createdAt, Instant now, String actor) {
        return new Risk(id, title, description, category, owner, inherentLikelihood, inherentImpact, residualLikelihood, residualImpact,
                treatment, acceptanceApprover, acceptanceExpiresOn, controls, reviewedOn, createdAt, now, actor);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
