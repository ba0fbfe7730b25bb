package dev.attest.responsibility.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.responsibility.ComplementaryControls;
import dev.attest.responsibility.Responsibility;
import dev.attest.responsibility.ResponsibilityChange;
import dev.attest.web.CsvWriter;
import dev.attest.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@RestController
@RequestMapping("/api/v1/responsibility")
@Tag(name = "Shared responsibility", description = "Who carries each control: the company, a provider, both, or the customer")
@RequiredArgsConstructor
class ResponsibilityApi {

    private final ResponsibilityMatrix responsibility;
    private final Assignments assignments;
    private final Clock clock;

    @GetMapping
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "Every control of the library with who carries it, the guidance for customers and the live status")
    List<Responsibility> matrix(CurrentUser user) {
        return responsibility.matrix(user.workspaceId());
    }

    @GetMapping("/{key}")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "One control's responsibility")
    Responsibility get(CurrentUser user, @PathVariable String key) {
        return responsibility.get(user.workspaceId(), key);
    }

    @PutMapping("/{key}")
    @RequiresPermission(Permission.CONTROLS_WRITE)
    @Operation(summary = "Assign a control: party company | provider | shared | customer; providerId (a vendor) for provider and "
            + "shared; customerGuidance for customer and shared; optional providerDuty and providerReport (an evidence id)")
    Responsibility assign(CurrentUser user, @PathVariable String key, @RequestBody ResponsibilityChange change) {
        return assignments.assign(user.workspaceId(), key, change, user.actor());
    }

    @GetMapping("/complementary-controls")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "SOC 2 complementary user entity controls (CUEC) and subservice organization controls (CSOC) per criterion")
    List<ComplementaryControls> complementary(CurrentUser user) {
        return responsibility.complementaryControls(user.workspaceId());
    }

    @GetMapping(value = "/complementary-controls.csv", produces = "text/csv")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The complementary controls as CSV for the auditor: one row per CUEC or CSOC")
    ResponseEntity<String> complementaryCsv(CurrentUser user) {
        StringBuilder csv = new StringBuilder();
        CsvWriter out = new CsvWriter(csv).row("criterion", "criterion_title", "type", "control", "control_name", "party", "text",
                "provider_report_on_file");
        for (ComplementaryControls criterion : responsibility.complementaryControls(user.workspaceId())) {
            for (var cuec : criterion.userEntity()) {
                out.row(criterion.criterion(), criterion.title(), "CUEC", cuec.control(), cuec.controlName(), "user entity", cuec.guidance(), "");
            }
            for (var csoc : criterion.subservice()) {
                out.row(criterion.criterion(), criterion.title(), "CSOC", csoc.control(), csoc.controlName(), csoc.provider(), csoc.duty(),
                        csoc.reportOnFile() ? "yes" : "no");
            }
        }
        return Downloads.attachment(Downloads.CSV, "complementary-controls.csv").body(csv.toString());
    }

    @GetMapping(value = "/complementary-controls.pdf", produces = "application/pdf")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The complementary controls as PDF for the auditor")
    ResponseEntity<byte[]> complementaryPdf(CurrentUser user) {
        byte[] pdf = ComplementaryControlsPdf.render(user.workspaceName(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), responsibility.complementaryControls(user.workspaceId()));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "complementary-controls.pdf").body(pdf);
    }

    @GetMapping(value = "/matrix.csv", produces = "text/csv")
    @RequiresPermission(Permission.CONTROLS_READ)
    @Operation(summary = "The shared-responsibility matrix as CSV: control, party, provider, guidance, duty, status")
    ResponseEntity<String> matrixCsv(CurrentUser user) {
        StringBuilder csv = new StringBuilder();
        CsvWriter out = new CsvWriter(csv).row("control", "name", "domain", "party", "provider", "customer_guidance", "provider_duty", "status");
        for (Responsibility r : responsibility.matrix(user.workspaceId())) {
            out.row(r.control(), r.controlName(), r.domain(), r.party().wireName(), r.providerName(), r.customerGuidance(), r.providerDuty(),
                    r.status() == null ? "" : r.status().wireName());
        }
        return Downloads.attachment(Downloads.CSV, "shared-responsibility.csv").body(csv.toString());
    }
}
