package dev.attest.monitoring;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** A record module's resource data follows the conventions the built-in checks are written against. */
class ResourceDataTest {

    @Test
    void fieldsWithoutAValueAreLeftOutAndTimesAreRfc3339Text() {
        Resource resource = new ResourceData()
                .put("title", "Laptop theft")
                .optional("owner", null)
                .optional("description", "a laptop left on a train")
                .time("reportedAt", Instant.parse("2026-03-01T09:30:00Z"))
                .time("closedAt", null)
                .startOf("reviewedAt", LocalDate.parse("2026-03-02"))
                .startOf("nextReviewAt", null)
                .name("severity", Severity.HIGH)
                .name("risk", null)
                .put("controls", List.of("AC-01"))
                .resource("risks.risk", "r-1");

        assertThat(resource.type()).isEqualTo("risks.risk");
        assertThat(resource.id()).isEqualTo("r-1");
        assertThat(resource.data()).containsExactly(
                entry("title", "Laptop theft"),
                entry("description", "a laptop left on a train"),
                entry("reportedAt", "2026-03-01T09:30:00Z"),
                entry("reviewedAt", "2026-03-02T00:00:00Z"),
                entry("severity", "high"),
                entry("controls", List.of("AC-01")));
    }
}
