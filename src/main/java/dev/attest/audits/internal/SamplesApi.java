package dev.attest.audits.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.audits.DrawSample;
import dev.attest.audits.Sample;
import dev.attest.identity.CurrentUser;
import dev.attest.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Populations for the audit period (CSV with its SHA-256) and samples drawn from them with a recorded seed. */
@RestController
@RequestMapping("/api/v1/audits/{id}")
@Tag(name = "Audit samples", description = "Populations for the period and reproducible samples")
@RequiredArgsConstructor
class SamplesApi {

    private final Sampling sampling;

    @GetMapping("/populations")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "Every population Attest knows for the period, with its size and the SHA-256 of its CSV")
    List<Sampling.PopulationSummary> populations(CurrentUser user, @PathVariable UUID id) {
        return sampling.populations(user, id);
    }

    @GetMapping(value = "/populations/{name}", produces = "text/csv")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "One population as CSV (id, date, description, evidence); X-Population-SHA256 is the hash of exactly this file")
    ResponseEntity<String> population(CurrentUser user, @PathVariable UUID id, @PathVariable String name,
                                      @RequestParam(required = false) String control) {
        Population population = sampling.population(user, id, name, control);
        return Downloads.attachment(Downloads.CSV, name + ".csv").header("X-Population-SHA256", population.sha256()).body(population.csv());
    }

    @GetMapping("/samples")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "The samples drawn for the audit, with their seeds and population hashes")
    List<Sample> samples(CurrentUser user, @PathVariable UUID id) {
        return sampling.list(user, id);
    }

    @PostMapping("/samples")
    @RequiresPermission(Permission.AUDITS_FIELDWORK)
    @Operation(summary = "Draw a sample: population, optional control, size (or one proposed from the frequency), optional seed")
    ResponseEntity<Sample> draw(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) DrawSample body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sampling.draw(user, id, body));
    }

    @PostMapping("/samples/{sampleId}/redraw")
    @RequiresPermission(Permission.AUDITS_READ)
    @Operation(summary = "Re-draw with the recorded seed over today's population: same hash, same items")
    Sampling.Redraw redraw(CurrentUser user, @PathVariable UUID id, @PathVariable UUID sampleId) {
        return sampling.redraw(user, id, sampleId);
    }
}
