package dev.attest.evidence.internal;

import dev.attest.evidence.EvidenceAdded;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerVerification;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.Columns;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: evidence is added, lands in the workspace's
 * ledger as its next entry, the chain verifies, a checkpoint signs it, and the ledger verifies against that
 * checkpoint given back; evidence without a title is refused and leaves the ledger as it was.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class EvidenceScenarioTest {

    @Autowired
    EvidenceLocker locker;
    @Autowired
    JdbcClient jdbc;

    private WorkspaceId newWorkspace() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, "evidence-" + id.toString().substring(0, 8), "Evidence scenario", Columns.utc(Instant.now())).update();
        return new WorkspaceId(id);
    }

    @Test
    void addedEvidenceLandsInTheLedgerAndTheChainVerifies(Scenario scenario) {
        WorkspaceId ws = newWorkspace();
        byte[] content = ("access review " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        AtomicReference<EvidenceItem> added = new AtomicReference<>();
        scenario.stimulate(() -> locker.add(ws, new NewEvidence("upload", " Quarterly access review ", "review.txt", "text/plain",
                        List.of(), null, "auditor@example.test"), content))
                .andWaitForEventOfType(EvidenceAdded.class)
                .matching(e -> e.workspaceId().equals(ws))
                .toArriveAndVerify((e, item) -> {
                    assertThat(e.evidenceId()).isEqualTo(item.id());
                    assertThat(e.ledgerSeq()).isEqualTo(1);
                    assertThat(item.title()).isEqualTo("Quarterly access review");
                    added.set(item);
                });
        EvidenceItem item = added.get();
        assertThat(locker.get(ws, item.id()).sha256()).isEqualTo(item.sha256());
        assertThat(locker.ledgerStatus(ws).entries()).isEqualTo(1);

        LedgerVerification verified = locker.verifyLedger(ws);
        assertThat(verified.valid()).as(verified.message()).isTrue();
        assertThat(verified.entries()).isEqualTo(1);
        StringWriter export = new StringWriter();
        locker.exportLedger(ws, export);
        assertThat(export.toString()).contains("\t" + item.id() + "\tupload\t" + item.sha256() + "\t");

        assertThat(locker.checkpoint(ws)).isTrue();
        LedgerCheckpoint checkpoint = locker.latestCheckpoint(ws).orElseThrow();
        assertThat(checkpoint.count()).isEqualTo(1);
        assertThat(locker.verifyLedger(ws, List.of(checkpoint)).valid()).isTrue();

        assertThatThrownBy(() -> locker.add(ws, new NewEvidence("upload", " ", null, "text/plain", List.of(), null, "auditor@example.test"),
                "untitled".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsOnlyKeys("title"));
        assertThat(locker.ledgerStatus(ws).entries()).isEqualTo(1);
        assertThat(locker.verifyLedger(ws).valid()).isTrue();
    }
}
