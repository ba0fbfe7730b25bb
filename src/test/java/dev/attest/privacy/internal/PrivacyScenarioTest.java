package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.privacy.AddSystemTask;
import dev.attest.privacy.CloseRequest;
import dev.attest.privacy.CompleteSystemTask;
import dev.attest.privacy.DataSubjectRequest;
import dev.attest.privacy.DataSubjectRequestClosed;
import dev.attest.privacy.DataSubjectRequestReceived;
import dev.attest.privacy.IdentityVerified;
import dev.attest.privacy.PrivacyLaw;
import dev.attest.privacy.ReceiveRequest;
import dev.attest.privacy.RequestType;
import dev.attest.privacy.RecordResponse;
import dev.attest.privacy.RequestOutcome;
import dev.attest.privacy.SystemTaskDone;
import dev.attest.privacy.VerifyIdentity;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: a deletion request is received,
 * the requester verified, a system's task done, the response sent and the request closed as
 * fulfilled within its deadline; closing earlier is refused, naming what is missing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class PrivacyScenarioTest {

    @Autowired
    DataSubjectRequests requests;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDeletionRequestIsFulfilledStepByStepAndClosedOnTime(Scenario scenario) {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        String email = "subject-" + run + "@example.test";

        AtomicReference<UUID> received = new AtomicReference<>();
        scenario.stimulate(() -> requests.receive(ws, new ReceiveRequest(RequestType.DELETION, PrivacyLaw.GDPR, "Dana Subject", email, "Delete my account"), "staff", "dpo"))
                .andWaitForEventOfType(DataSubjectRequestReceived.class)
                .matching(e -> e.reference() != null)
                .toArriveAndVerify((e, request) -> {
                    assertThat(e.requestId()).isEqualTo(request.id());
                    assertThat(request.subject().email()).isEqualTo(email);
                    received.set(request.id());
                });
        UUID id = received.get();

        assertThatThrownBy(() -> requests.close(ws, id, new CloseRequest(RequestOutcome.FULFILLED, null), "dpo"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).containsKeys("identity", "response"));

        scenario.stimulate(() -> requests.verifyIdentity(ws, id, new VerifyIdentity("replied from the account's address"), "dpo"))
                .andWaitForEventOfType(IdentityVerified.class)
                .matching(e -> e.requestId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.action()).isEqualTo("privacy.request-identity-verified"));
        DataSubjectRequest withTask = requests.addTask(ws, id, new AddSystemTask("CRM"), "dpo");
        assertThatThrownBy(() -> requests.addTask(ws, id, new AddSystemTask("crm"), "dpo")).isInstanceOf(InvalidFieldException.class);

        scenario.stimulate(() -> requests.completeTask(ws, id, new CompleteSystemTask(withTask.tasks().get(0).id(), "rows deleted"), "dpo"))
                .andWaitForEventOfType(SystemTaskDone.class)
                .matching(e -> e.requestId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.summary()).isEqualTo("task done for system CRM"));
        requests.recordResponse(ws, id, new RecordResponse("Deleted from the CRM."), "dpo");

        scenario.stimulate(() -> requests.close(ws, id, new CloseRequest(RequestOutcome.FULFILLED, null), "dpo"))
                .andWaitForEventOfType(DataSubjectRequestClosed.class)
                .matching(e -> e.requestId().equals(id))
                .toArriveAndVerify((e, closed) -> {
                    assertThat(e.onTime()).isTrue();
                    assertThat(closed.open()).isFalse();
                    assertThat(closed.outcome()).isEqualTo("fulfilled");
                });
    }
}
