package dev.attest.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV writer: RFC 4180 quoting, formula cells guarded, numbers and dates as they are. */
class CsvWriterTest {

    @Test
    void formulaCellsGetAnApostropheAndQuotingFollowsRfc4180() {
        StringBuilder out = new StringBuilder();
        new CsvWriter(out).row("=1+1", "+CMD", "-2+3", "@SUM(A1)", "\tTab", "\uFF1D1", "plain", "a,b", "say \"hi\"", null, -5, LocalDate.of(2026, 12, 6));

        assertThat(out.toString()).isEqualTo("'=1+1,'+CMD,'-2+3,'@SUM(A1),'\tTab,'\uFF1D1,plain,\"a,b\",\"say \"\"hi\"\"\",,-5,2026-12-06\r\n");
    }

    @Test
    void anImportTakesTheGuardOffAgain() {
        for (String value : new String[]{"=1+1", "-minus", "@at", "plain", "'quoted already", "'"}) {
            assertThat(CsvWriter.unguarded(CsvWriter.guarded(value))).isEqualTo(value);
        }
    }
}
