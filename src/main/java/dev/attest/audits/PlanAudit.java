package dev.attest.audits.internal;

import dev.attest.audits.AuditKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Plans an audit. A Type I period is one date (periodEnd may be left out); others run from start to end.
 *
 * @param scope categories or requirement refs of the kind's framework; empty for all of it
 */
record PlanAudit(@NotNull(message = "is required") AuditKind kind, List<String> scope,
                 @NotBlank(message = "is required") @Size(max = 200) String firm,
                 @NotBlank(message = "is required") @Size(max = 200) String leadAuditor,
                 @NotNull(message = "is required") LocalDate periodStart, LocalDate periodEnd,
                 LocalDate fieldworkStart, LocalDate fieldworkEnd) {
}
