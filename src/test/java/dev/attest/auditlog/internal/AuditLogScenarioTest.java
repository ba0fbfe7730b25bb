package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditEntry;
import dev.attest.auditlog.AuditFilter;
import dev.attest.auditlog.AuditTrail;
import dev.attest.auditlog.ChainVerification;
import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.Columns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's main story with only the modules it depends on: any module's workspace events become
 * entries of that workspace's trail, each linked to the one before by its hash, filterable by
 * module, and the whole chain verifies.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class AuditLogScenarioTest {

    /** A fact as another module would publish it. */
    record Happened(WorkspaceId workspaceId, String actor, String action, String target, String summary) implements WorkspaceEvent {
    }

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;

    private WorkspaceId newWorkspace() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, "audit-" + id.toString().substring(0, 8), "Audit scenario", Columns.utc(Instant.now())).update();
        return new WorkspaceId(id);
    }

    @Test
    void everyEventBecomesALinkedEntryAndTheChainVerifies(Scenario scenario) {
        WorkspaceId ws = newWorkspace();

        scenario.publish(new Happened(ws, "ada@example.test", "controls.updated", "control:AC-01", "owner set"))
                .andWaitForStateChange(() -> trail.count(ws, AuditFilter.none()), count -> count == 1)
                .andVerify(count -> assertThat(count).isEqualTo(1));
        scenario.publish(new Happened(ws, "grace@example.test", "people.added", "person:1", "grace@example.test added"))
                .andWaitForStateChange(() -> trail.entries(ws, AuditFilter.none(), 0, 10), entries -> entries.size() == 2)
                .andVerify(entries -> {
                    AuditEntry newest = entries.get(0);
                    AuditEntry first = entries.get(1);
                    assertThat(newest.seq()).isEqualTo(2);
                    assertThat(newest.previousHash()).isEqualTo(first.hash());
                    assertThat(first.previousHash()).isEqualTo("0".repeat(64));
                    assertThat(newest.summary()).isEqualTo("grace@example.test added");
                });

        List<AuditEntry> people = trail.entries(ws, new AuditFilter(null, "people", null, null, null), 0, 10);
        assertThat(people).extracting(AuditEntry::actor).containsExactly("grace@example.test");
        ChainVerification verified = trail.verify(ws);
        assertThat(verified.valid()).as(verified.problem()).isTrue();
        assertThat(verified.entries()).isEqualTo(2);
    }
}
