package dev.attest.accessreviews;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API steps the access review tests share: a system, a started campaign, its items by account id. */
final class AccessReviewSupport {

    static final String BASE = "/api/v1/access-reviews";

    private AccessReviewSupport() {
    }

    static Http admin(int port) {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    /** Creates a system from a JSON body and returns its id. */
    static String system(Http http, String json) {
        Http.Response created = http.postJson(BASE + "/systems", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Creates and starts a campaign over one system reviewed by its owner; returns the campaign id. */
    static String startedCampaign(Http http, String name, String systemId) {
        Http.Response created = http.postJson(BASE + "/campaigns", """
                {"name":"%s","dueOn":"%s","systems":[{"systemId":"%s"}]}""".formatted(name, LocalDate.now(ZoneOffset.UTC).plusDays(14), systemId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Http.Response started = http.postJson(BASE + "/campaigns/" + id + "/start", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return id;
    }

    static Map<String, JsonNode> items(Http http, String campaign) {
        Map<String, JsonNode> items = new HashMap<>();
        http.get(BASE + "/campaigns/" + campaign + "/accounts").json().forEach(i -> items.put(i.get("account").get("accountId").asText(), i));
        return items;
    }

    static Map<String, JsonNode> accounts(Http http, String system) {
        Map<String, JsonNode> accounts = new HashMap<>();
        http.get(BASE + "/systems/" + system + "/accounts").json().forEach(a -> accounts.put(a.get("account").get("accountId").asText(), a));
        return accounts;
    }

    static Http.Response decide(Http http, String campaign, JsonNode item, String json) {
        return http.postJson(BASE + "/campaigns/" + campaign + "/accounts/" + item.get("id").asText() + "/decision", json);
    }
}
