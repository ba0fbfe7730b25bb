package dev.attest.audits;

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
public record PlanAudit(@NotNull(message = "is required") AuditKind kind, List<String> scope,
                        @NotBlank(message = "is required") @Size(max = 200) String firm,
                        @NotBlank(message = "is required") @Size(max = 200) String leadAuditor,
                        @NotNull(message = "is required") LocalDate periodStart, LocalDate periodEnd,
                        LocalDate fieldworkStart, LocalDate fieldworkEnd) {

    /** The period's last day: for a point-in-time kind left out, the start. */
    public LocalDate lastDay() {
        return periodEnd == null && kind != null && kind.pointInTime() ? periodStart : periodEnd;
    }

    /**
     * Field to message, the rules over several dates: the period ends on or after it starts (a Type I
     * on its one date, a Type II after it), and fieldwork ends on or after it starts. Empty when they hold.
     */
    public java.util.Map<String, String> problems() {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        LocalDate end = lastDay();
        if (end == null) {
            problems.put("periodEnd", "is required");
        } else if (end.isBefore(periodStart)) {
            problems.put("periodEnd", "must not be before periodStart");
        } else if (kind.pointInTime() && !end.equals(periodStart)) {
            problems.put("periodEnd", "a Type I audit speaks of one date: leave periodEnd out or make it periodStart");
        } else if (kind == AuditKind.SOC2_TYPE2 && !end.isAfter(periodStart)) {
            problems.put("periodEnd", "a Type II period runs over time (typically 3 to 12 months): must be after periodStart");
        }
        if (fieldworkStart != null && fieldworkEnd != null && fieldworkEnd.isBefore(fieldworkStart)) {
            problems.put("fieldworkEnd", "must not be before fieldworkStart");
        }
        return problems;
    }
}
