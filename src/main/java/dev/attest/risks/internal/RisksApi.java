package dev.attest.risks.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.risks.HeatMap;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskAssessment;
import dev.attest.risks.RiskInput;
import dev.attest.risks.RiskRegister;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/risks")
@Tag(name = "Risks", description = "The risk register, heat map, yearly risk assessments, CSV import and export")
@RequiredArgsConstructor
class RisksApi {

    private static final Set<String> FIELDS = Set.of("title", "description", "category", "owner", "inherentLikelihood",
            "inherentImpact", "residualLikelihood", "residualImpact", "treatment", "acceptanceApprover", "acceptanceExpiresOn",
            "controls", "reviewedOn");

    private final RiskRegister register;
    private final RiskForms forms;
    private final RiskImports imports;
    private final RiskAssessments assessments;

    record RiskView(UUID id, String title, String description, String category, String owner,
                    int inherentLikelihood, int inherentImpact, int inherentScore, String inherentLevel,
                    int residualLikelihood, int residualImpact, int residualScore, String residualLevel,
                    String treatment, String acceptanceApprover, LocalDate acceptanceExpiresOn, List<String> controls,
                    LocalDate reviewedOn, LocalDate nextReviewOn, Instant createdAt, Instant updatedAt, String updatedBy) {

        static RiskView of(Risk r) {
            return new RiskView(r.id(), r.title(), r.description(), r.category(), r.owner(),
                    r.inherentLikelihood(), r.inherentImpact(), r.inherentScore(), Risk.level(r.inherentScore()),
                    r.residualLikelihood(), r.residualImpact(), r.residualScore(), Risk.level(r.residualScore()),
                    r.treatment().wireName(), r.acceptanceApprover(), r.acceptanceExpiresOn(), r.controls(),
                    r.reviewedOn(), r.nextReviewOn(), r.createdAt(), r.updatedAt(), r.updatedBy());
        }
    }

    @GetMapping
    @RequiresPermission(Permission.RISKS_READ)
    @Operation(summary = "The register, ordered by title")
    List<RiskView> list(CurrentUser user) {
        return register.list(user.workspaceId()).stream().map(RiskView::of).toList();
    }

    @PostMapping
    @RequiresPermission(Permission.RISKS_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a risk; ratings 1-5, treatment mitigate|accept|transfer|avoid (accept needs acceptanceApprover "
            + "and acceptanceExpiresOn), controls as catalog keys, reviewedOn defaults to today")
    RiskView create(CurrentUser user, @RequestBody Map<String, Object> body) {
        return RiskView.of(register.record(user.workspaceId(), forms.risk(user.workspaceId(), input(body, null)), user.actor()));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.RISKS_READ)
    @Operation(summary = "One risk")
    RiskView get(CurrentUser user, @PathVariable UUID id) {
        return RiskView.of(register.get(user.workspaceId(), id));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.RISKS_WRITE)
    @Operation(summary = "Change a risk; fields left out keep their value")
    RiskView patch(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
        Risk current = register.get(user.workspaceId(), id);
        return RiskView.of(register.update(user.workspaceId(), id, forms.risk(user.workspaceId(), input(body, RiskInput.of(current))), user.actor()));
    }

    @PostMapping("/{id}/review")
    @RequiresPermission(Permission.RISKS_WRITE)
    @Operation(summary = "Record that the risk was reviewed today; the next review falls due in twelve months")
    RiskView reviewed(CurrentUser user, @PathVariable UUID id) {
        return RiskView.of(register.markReviewed(user.workspaceId(), id, user.actor()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.RISKS_WRITE)
    @Operation(summary = "Remove a risk from the register")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        register.remove(user.workspaceId(), id, user.actor());
        return ResponseEntity.noContent().build();
    }

    record HeatMapView(int[][] inherent, int[][] residual) {
    }

    @GetMapping("/heatmap")
    @RequiresPermission(Permission.RISKS_READ)
    @Operation(summary = "Counts of risks per cell, inherent and residual, indexed [likelihood-1][impact-1]")
    HeatMapView heatMap(CurrentUser user) {
        HeatMap map = register.heatMap(user.workspaceId());
        return new HeatMapView(map.inherent(), map.residual());
    }

    @GetMapping("/export.csv")
    @RequiresPermission(Permission.RISKS_READ)
    @Operation(summary = "The register as CSV (the import format)")
    ResponseEntity<String> export(CurrentUser user) {
        return csv(imports.exportCsv(user.workspaceId()));
    }

    static ResponseEntity<String> csv(String body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risk-register.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    @PostMapping("/import")
    @RequiresPermission(Permission.RISKS_WRITE)
    @Operation(summary = "Import a CSV file (send it as text/csv) all or nothing: rows with an id update that risk, rows without create one; "
            + "any problem refuses the whole file with errors [{row, field, message}]")
    RiskImports.ImportResult importCsv(CurrentUser user, @RequestBody(required = false) String csv) {
        return imports.importCsv(user.workspaceId(), csv, user.actor());
    }

    @GetMapping("/assessments")
    @RequiresPermission(Permission.RISKS_READ)
    @Operation(summary = "The recorded risk assessments, latest first")
    List<RiskAssessment> assessments(CurrentUser user) {
        return assessments.assessments(user.workspaceId());
    }

    record AssessmentRequest(String assessedOn, String summary) {
    }

    @PostMapping("/assessments")
    @RequiresPermission(Permission.RISKS_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a risk assessment: its date (YYYY-MM-DD) and a summary of what it found")
    RiskAssessment recordAssessment(CurrentUser user, @RequestBody AssessmentRequest request) {
        return assessments.record(user.workspaceId(), request.assessedOn(), request.summary(), user.actor());
    }

    /** Reads the JSON body over the current values (or none), refusing unknown fields and wrong types by name. */
    private static RiskInput input(Map<String, Object> body, RiskInput current) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidFieldException(field, "is not a field of a risk (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        RiskInput c = current == null ? new RiskInput(null, null, null, null, null, null, null, null, null, null, null, null, null) : current;
        return new RiskInput(value(body, "title", c.title()), value(body, "description", c.description()),
                value(body, "category", c.category()), value(body, "owner", c.owner()),
                value(body, "inherentLikelihood", c.inherentLikelihood()), value(body, "inherentImpact", c.inherentImpact()),
                value(body, "residualLikelihood", c.residualLikelihood()), value(body, "residualImpact", c.residualImpact()),
                value(body, "treatment", c.treatment()), value(body, "acceptanceApprover", c.acceptanceApprover()),
                value(body, "acceptanceExpiresOn", c.acceptanceExpiresOn()),
                body.containsKey("controls") ? list(body.get("controls")) : c.controls(),
                value(body, "reviewedOn", c.reviewedOn()));
    }

    private static String value(Map<String, Object> body, String field, String current) {
        if (!body.containsKey(field)) {
            return current;
        }
        Object v = body.get(field);
        if (v == null || v instanceof String || v instanceof Number) {
            return v == null ? null : v.toString();
        }
        throw new InvalidFieldException(field, "must be a string or a number");
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            List<String> keys = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof String s)) {
                    throw new InvalidFieldException("controls", "must be a list of control keys such as GR-06");
                }
                keys.add(s);
            }
            return keys;
        }
        throw new InvalidFieldException("controls", "must be a list of control keys such as GR-06");
    }
}
