package dev.attest.risks.internal;

import dev.attest.risks.RiskImportRejected;
import dev.attest.support.Fuzz;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk register CSV: rows, or a refusal listing row and column; nothing else. */
class RiskCsvFuzzTest {

    @Test
    void theRiskCsvParserReadsOrRefusesNamingRowAndColumn() {
        String header = String.join(",", RiskCsv.COLUMNS) + "\n";
        String row = ",Laptop theft,Unencrypted disks,physical,admin@localhost,3,4,1,2,mitigate,,,PH-07;EN-03,2026-01-10\n";
        Fuzz.run("risk csv", 43, 3000, Duration.ofSeconds(8), List.of(header + row, header + row + row, header), input -> {
            try {
                assertThat(RiskCsv.read(input)).isNotNull();
            } catch (RiskImportRejected e) {
                assertThat(e.errors()).isNotEmpty();
                e.errors().forEach(error -> {
                    assertThat(error.row()).isPositive();
                    assertThat(error.field()).isNotBlank();
                });
            }
        });
    }
}
