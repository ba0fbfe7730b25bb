package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.Certification;
import dev.attest.trustcenter.DocumentAccessDecided;
import dev.attest.trustcenter.DocumentAccessRequested;
import dev.attest.trustcenter.RequestDocumentAccess;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.trustcenter.TrustCenterDraftSaved;
import dev.attest.trustcenter.TrustCenterPublished;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module's main story with only the modules it depends on: an admin saves a draft (nothing public changes),
 * publishes it, and a visitor asks for the NDA-gated report it lists; the admin grants the request and the
 * visitor's link opens the document. Each step is one event.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// No web server in a module test, so the test profile's base URL (built from the server's port) is fixed here.
@TestPropertySource(properties = "attest.base-url=http://localhost:8080")
class TrustCenterScenarioTest {

    private static final String BASE = "http://localhost:8080";

    @Autowired
    TrustCenter trustCenter;
    @Autowired
    Publication publication;
    @Autowired
    DocumentAccess access;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private WorkspaceId defaultWorkspace() {
        return new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
    }

    @Test
    void aPublishedTrustCenterGrantsItsGatedReportToAVisitorWhoAcceptedTheNda(Scenario scenario) {
        WorkspaceId ws = defaultWorkspace();
        String company = "Acme " + run;
        DocumentStore.Document report = access.upload(ws, "SOC 2 Type II " + run, "soc2-report", true, null,
                "%PDF-1.4 a report".getBytes(StandardCharsets.US_ASCII), "admin");
        TrustCenterContent draft = trustCenter.draft(ws).withCompany("  " + company + "  ", "We protect customer data.",
                        "security@example.com", "mailto:security@example.com")
                .withCertification(new Certification("SOC 2 Type II", "certified", "2024", "Example CPA", null))
                .withDocument(report.id());

        scenario.stimulate(() -> trustCenter.saveDraft(ws, draft, "admin"))
                .andWaitForEventOfType(TrustCenterDraftSaved.class)
                .matching(e -> e.company().equals(company))
                .toArriveAndVerify((e, saved) -> {
                    assertThat(e.action()).isEqualTo("trustcenter.draft-saved");
                    assertThat(saved.company()).isEqualTo(company);
                    assertThat(trustCenter.published(ws).map(p -> p.content().company())).isNotEqualTo(java.util.Optional.of(company));
                });

        scenario.stimulate(() -> publication.publish(ws, "admin"))
                .andWaitForEventOfType(TrustCenterPublished.class)
                .matching(e -> e.company().equals(company))
                .toArriveAndVerify((e, published) -> {
                    assertThat(e.action()).isEqualTo("trustcenter.published");
                    assertThat(published.content().documents()).contains(report.id());
                    assertThat(published.content().certifications()).extracting(Certification::framework).contains("SOC 2 Type II");
                });
        TrustCenterContent published = trustCenter.published(ws).orElseThrow().content();

        String email = "buyer-" + run + "@customer.example";
        AtomicReference<UUID> requested = new AtomicReference<>();
        scenario.stimulate(() -> access.request(ws, published, access.listed(ws, published, report.id()),
                        new RequestDocumentAccess("Bea Buyer", email, "Customer Inc", "vendor review", true), "203.0.113.9", BASE, () -> true))
                .andWaitForEventOfType(DocumentAccessRequested.class)
                .matching(e -> e.actor().equals("visitor:" + email))
                .toArriveAndVerify((e, approvedAtOnce) -> {
                    assertThat(e.action()).isEqualTo("trustcenter.access-requested");
                    assertThat(approvedAtOnce).isFalse();
                    requested.set(e.requestId());
                });
        assertThat(access.requests(ws)).filteredOn(r -> r.id().equals(requested.get()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo("pending");
                    assertThat(r.ndaVersion()).isEqualTo(TrustCenter.sha256(published.ndaText()));
                });

        scenario.stimulate(() -> access.approve(ws, published, requested.get(), "admin", BASE))
                .andWaitForEventOfType(DocumentAccessDecided.class)
                .matching(e -> e.requestId().equals(requested.get()))
                .toArriveAndVerify(e -> {
                    assertThat(e.action()).isEqualTo("trustcenter.access-decided");
                    assertThat(e.approved()).isTrue();
                    assertThat(e.summary()).isEqualTo("approved access to " + report.title() + " for Customer Inc");
                });
        assertThat(access.requests(ws)).filteredOn(r -> r.id().equals(requested.get()))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("approved"));
    }

    @Test
    void aDraftWithBadFieldsIsRefusedWholeAndNothingIsSaved() {
        WorkspaceId ws = defaultWorkspace();
        TrustCenterContent before = trustCenter.draft(ws);
        TrustCenterContent bad = before.withCompany(" ", null, "not-an-address", "ftp://example.com")
                .withCertification(new Certification("ISO 27001", "someday", null, null, null));

        assertThatThrownBy(() -> trustCenter.saveDraft(ws, bad, "admin"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .containsKeys("company", "contactEmail", "securityContact")
                        .anySatisfy((field, message) -> assertThat(field).endsWith("].status")));
        assertThat(trustCenter.draft(ws)).isEqualTo(before);
    }
}
