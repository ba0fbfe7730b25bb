package dev.attest.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A tabletop or live incident-response exercise as held: the day (not in the future), scenario, who took part, findings. */
public record RecordExercise(@NotNull(message = "give the date as YYYY-MM-DD") LocalDate heldOn,
                             @NotBlank(message = "is required") @Size(max = 4000, message = "at most 4000 characters") String scenario,
                             @NotEmpty(message = "name who took part")
                             List<@Size(max = 200, message = Names.PROBLEM) @Pattern(regexp = Names.ONE_LINE, message = Names.PROBLEM) String> participants,
                             @Size(max = 8000, message = "at most 8000 characters") String findings) {

    public RecordExercise {
        scenario = Names.text(scenario);
        participants = Names.distinct(participants);
        findings = Names.text(findings);
    }
}
