package dev.attest.oscal;

import dev.attest.catalog.OscalSchemas;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The OSCAL exports, fetched through the API as a user would and checked against the OSCAL 1.1.3
 * schemas (XML and JSON), and the SSP read back: the same implementation statuses as Attest shows.
 */
@AttestTest
class OscalExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private String vendor(String name) {
        HttpResponse<String> response = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", """
                {"name":"%s","website":"https://cloud.example","purpose":"Hosting","data":["personal"],"countries":["us"],
                 "subprocessor":true}""".formatted(name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static void valid(String body, OscalSchemas.Model model, OscalSchemas.Format format) {
        assertThatCode(() -> OscalSchemas.validate(body.getBytes(StandardCharsets.UTF_8), format, model, "export"))
                .as(format + " " + model.root()).doesNotThrowAnyException();
    }

    @Test
    void theSystemSecurityPlanValidatesInBothFormatsAndReadsBackWithTheSameStatuses() throws Exception {
        String provider = vendor("Cloud " + UUID.randomUUID().toString().substring(0, 6));
        assertThat(api().putJson("/api/v1/responsibility/PH-01", """
                {"party":"provider","providerId":"%s","providerDuty":"Physical security of the data centres"}""".formatted(provider)).status())
                .isEqualTo(200);
        assertThat(api().putJson("/api/v1/responsibility/EN-02", """
                {"party":"shared","providerId":"%s","customerGuidance":"Turn on customer-managed keys if your policy asks for them"}""".formatted(provider))
                .status()).isEqualTo(200);
        assertThat(api().putJson("/api/v1/responsibility/AC-12", """
                {"party":"customer","customerGuidance":"Enable SSO for your console users"}""").status()).isEqualTo(200);
        assertThat(api().patchJson("/api/v1/controls/AC-02", "{\"status\":\"implemented\",\"owner\":\"admin@localhost\"}").status()).isEqualTo(200);
        // An owner whose address the schema's email format refuses (an unknown top-level domain): named, not listed as an address.
        var owner = dev.attest.support.ExtraAccounts.inDefaultWorkspace(jdbc, "control_owner");
        assertThat(owner.email()).endsWith(".test");
        assertThat(api().patchJson("/api/v1/controls/AC-04", "{\"owner\":\"" + owner.email() + "\"}").status()).isEqualTo(200);

        Http.Response json = api().get("/api/v1/oscal/ssp/soc2?format=json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        valid(json.body(), OscalSchemas.Model.SYSTEM_SECURITY_PLAN, OscalSchemas.Format.JSON);
        Http.Response xml = api().get("/api/v1/oscal/ssp/soc2?format=xml");
        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        valid(xml.body(), OscalSchemas.Model.SYSTEM_SECURITY_PLAN, OscalSchemas.Format.XML);

        // what Attest says: each requirement's state from the states of its controls
        Map<String, String> controlStatus = new HashMap<>();
        api().get("/api/v1/controls").json().forEach(c -> controlStatus.put(c.get("key").asString(), c.get("implementationStatus") == null
                ? c.get("status").asString() : c.get("implementationStatus").asString()));
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode r : api().get("/api/v1/frameworks/soc2/requirements").json()) {
            if (!r.get("group").asBoolean()) {
                expected.put(r.get("ref").asString(), state(r, controlStatus));
            }
        }
        Map<String, String> fromJson = statesFromJson(JSON.readTree(json.body()));
        Map<String, String> fromXml = statesFromXml(xml.body());
        assertThat(fromJson).isEqualTo(expected);
        assertThat(fromXml).isEqualTo(expected);
        assertThat(expected.values()).contains("partial", "planned");

        JsonNode plan = JSON.readTree(json.body()).get("system-security-plan");
        String text = plan.toString();
        assertThat(text).contains("\"inherited\"").contains("Physical security of the data centres");
        assertThat(text).contains("\"responsibilities\"").contains("Enable SSO for your console users");
        assertThat(text).contains("\"provided\"").contains("\"satisfied\"");
        assertThat(plan.get("system-characteristics").get("system-name").asString()).isNotBlank();
        assertThat(text).contains("\"role-id\":\"control-owner\"");
    }

    private static String state(JsonNode requirement, Map<String, String> controlStatus) {
        List<String> statuses = new java.util.ArrayList<>();
        requirement.get("controls").forEach(k -> statuses.add(controlStatus.getOrDefault(k.asString(), "not_started")));
        if (statuses.isEmpty()) {
            String reason = requirement.get("noControlReason").isNull() ? "" : requirement.get("noControlReason").asString();
            return reason.startsWith("not applicable") ? "not-applicable" : "alternative";
        }
        if (statuses.stream().allMatch("not_applicable"::equals)) {
            return "not-applicable";
        }
        if (statuses.stream().allMatch(s -> s.equals("implemented") || s.equals("not_applicable"))) {
            return "implemented";
        }
        if (statuses.stream().anyMatch(s -> s.equals("implemented") || s.equals("in_progress"))) {
            return "partial";
        }
        return "planned";
    }

    /** requirement label -> the state of the this-system by-component, read from the JSON SSP. */
    private static Map<String, String> statesFromJson(JsonNode document) {
        JsonNode plan = document.get("system-security-plan");
        String self = null;
        for (JsonNode c : plan.get("system-implementation").get("components")) {
            if (c.get("type").asString().equals("this-system")) {
                self = c.get("uuid").asString();
            }
        }
        Map<String, String> states = new TreeMap<>();
        for (JsonNode r : plan.get("control-implementation").get("implemented-requirements")) {
            String label = null;
            for (JsonNode p : r.get("props")) {
                if (p.get("name").asString().equals("label")) {
                    label = p.get("value").asString();
                }
            }
            for (JsonNode b : r.get("by-components")) {
                if (b.get("component-uuid").asString().equals(self)) {
                    states.put(label, b.get("implementation-status").get("state").asString());
                }
            }
        }
        return states;
    }

    private static Map<String, String> statesFromXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        String ns = OscalSchemas.NAMESPACE;
        String self = null;
        NodeList components = document.getElementsByTagNameNS(ns, "component");
        for (int i = 0; i < components.getLength(); i++) {
            Element c = (Element) components.item(i);
            if (c.getAttribute("type").equals("this-system")) {
                self = c.getAttribute("uuid");
            }
        }
        Map<String, String> states = new TreeMap<>();
        NodeList requirements = document.getElementsByTagNameNS(ns, "implemented-requirement");
        for (int i = 0; i < requirements.getLength(); i++) {
            Element r = (Element) requirements.item(i);
            String label = null;
            for (org.w3c.dom.Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getLocalName().equals("prop") && e.getAttribute("name").equals("label")) {
                    label = e.getAttribute("value");
                }
                if (n instanceof Element e && e.getLocalName().equals("by-component") && e.getAttribute("component-uuid").equals(self)) {
                    Element status = (Element) e.getElementsByTagNameNS(ns, "implementation-status").item(0);
                    states.put(label, status.getAttribute("state"));
                }
            }
        }
        return states;
    }

    @Test
    void theComponentDefinitionAssessmentResultsAndPoamValidateInBothFormats() {
        String host = "oscal-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Http.Response pushed = api().postJson("/api/v1/resources", """
                {"resources": [{"type": "tls.endpoint", "id": "%s:443", "data": {"host": "%s", "tls10": true, "tls11": false,
                  "tls12": true, "tls13": false, "https": true, "hsts": false, "hstsMaxAge": 0, "daysToExpiry": 10,
                  "notBefore": "2025-01-01T00:00:00Z", "chainTrusted": true, "hostnameMatches": true, "keyType": "RSA",
                  "keySize": 2048, "signatureAlgorithm": "SHA256withRSA"}}]}""".formatted(host, host));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);

        for (String format : List.of("json", "xml")) {
            OscalSchemas.Format f = format.equals("json") ? OscalSchemas.Format.JSON : OscalSchemas.Format.XML;
            Http.Response components = api().get("/api/v1/oscal/component-definition?format=" + format);
            assertThat(components.status()).as(components.body()).isEqualTo(200);
            valid(components.body(), OscalSchemas.Model.COMPONENT_DEFINITION, f);
            assertThat(components.body()).contains("tls collector").contains("tls-no-legacy-protocols");

            Http.Response results = api().get("/api/v1/oscal/assessment-results?format=" + format);
            assertThat(results.status()).as(results.body()).isEqualTo(200);
            valid(results.body(), OscalSchemas.Model.ASSESSMENT_RESULTS, f);
            assertThat(results.body()).contains(host).contains("not-satisfied").contains("/api/v1/evidence/");

            Http.Response poam = api().get("/api/v1/oscal/poam?format=" + format);
            assertThat(poam.status()).as(poam.body()).isEqualTo(200);
            valid(poam.body(), OscalSchemas.Model.PLAN_OF_ACTION_AND_MILESTONES, f);
            assertThat(poam.body()).contains(host).contains("due-date");
        }
    }

    @Test
    void badExportRequestsAreRefusedNamingTheField() {
        Http.Response format = api().get("/api/v1/oscal/ssp/soc2?format=yaml");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.body()).contains("format");
        Http.Response period = api().get("/api/v1/oscal/assessment-results?from=2026-12-31&to=2026-01-01");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.body()).contains("from");
        Http.Response date = api().get("/api/v1/oscal/assessment-results?from=yesterday");
        assertThat(date.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/oscal/ssp/no-such-framework").status()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/api/v1/oscal/poam").status()).isEqualTo(401);
    }
}
