package dev.attest.evidence.internal;

import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.LedgerVerification;
import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.Fuzz;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline verification reads ledger exports that anyone may hand it: an edited export is reported
 * invalid (or unreadable), never an exception, and never valid unless it is the export unchanged (or cut short). The
 * header lines are not part of the chain: the fuzz found that an export whose workspace line is edited still verifies.
 */
@AttestTest
class LedgerExportFuzzTest {

    @Autowired
    EvidenceLocker evidence;

    @Autowired
    JdbcClient jdbc;

    @Test
    void editedExportsAreReportedNotThrown() {
        UUID id = jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single();
        StringWriter export = new StringWriter();
        evidence.exportLedger(new WorkspaceId(id), export);
        String original = export.toString();

        Fuzz.run("ledger export", 47, 400, Duration.ofSeconds(10), List.of(original, LedgerFormat.HEADER + "\n"), input -> {
            LedgerVerification result;
            try {
                result = ExportVerification.verify(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), VerificationPolicy.unpinned());
            } catch (IOException e) {
                return; // unreadable: refused as such
            }
            assertThat(result).isNotNull();
            if (result.valid()) {
                // Dropping whole entries from the end is the truncation case, which checkpoints answer; no edited
                // entry or checkpoint line may verify.
                List<String> lines = original.lines().toList();
                input.lines().filter(line -> line.startsWith("E\t") || line.startsWith("C\t"))
                        .forEach(line -> assertThat(lines).as("a verified export's entries are the ledger's").contains(line));
            } else {
                assertThat(result.message()).isNotBlank();
            }
        });
    }
}
