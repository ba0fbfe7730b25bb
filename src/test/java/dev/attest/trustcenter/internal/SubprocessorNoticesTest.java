package dev.attest.trustcenter.internal;

import dev.attest.support.Http;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public subprocessor list, its notices with their notice period, the Atom feed and email subscriptions. */
class SubprocessorNoticesTest extends TrustCenterTestBase {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private String subprocessor(String name, String country) {
        return post("/api/v1/vendors", "{\"name\":\"%s\",\"purpose\":\"Email delivery\",\"data\":[\"personal\"],\"countries\":[\"%s\"],\"subprocessor\":true}"
                .formatted(name, country)).get("id").asString();
    }

    private void firstListOnce() {
        // Shared databases may already hold the first list from an earlier test: either answer is fine here.
        assertThat(postRaw("/api/v1/trust-center/subprocessors/first-list", "{}").statusCode()).isIn(200, 400);
    }

    @Test
    void aNewSubprocessorNeedsTheNoticePeriodAndThenAppearsInTheHistoryAndTheFeed() throws Exception {
        publish(draft(unique("Hotel"), "\"noticeDays\":30"));
        subprocessor(unique("Baseline Mail"), "IE");
        firstListOnce();
        String name = unique("Newcomer Analytics");
        String vendor = subprocessor(name, "US");

        var tooSoon = postRaw("/api/v1/trust-center/subprocessors/notices",
                "{\"kind\":\"added\",\"vendorId\":\"%s\",\"effectiveOn\":\"%s\"}".formatted(vendor, LocalDate.now().plusDays(10)));
        assertThat(tooSoon.statusCode()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("effectiveOn", "at least 30 days ahead");

        LocalDate effective = LocalDate.now().plusDays(31);
        JsonNode notice = post("/api/v1/trust-center/subprocessors/notices",
                "{\"kind\":\"added\",\"vendorId\":\"%s\",\"effectiveOn\":\"%s\"}".formatted(vendor, effective));
        assertThat(notice.get("location").asString()).isEqualTo("United States");

        String page = visitor.get("/trust/subprocessors").body();
        assertThat(page).contains(name + " will be added as a subprocessor", "effective " + effective);
        assertThat(page).doesNotContain("data-subprocessor=\"" + name + "\"");

        Http.Response feed = visitor.get("/trust/subprocessors.atom");
        assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
        Document xml = parse(feed.body());
        Element root = xml.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : new String[]{"id", "title", "updated", "author"}) {
            assertThat(children(root, required)).as("feed/" + required).isEqualTo(1);
        }
        OffsetDateTime.parse(text(root, "updated"));
        assertThat(URI.create(text(root, "id")).isAbsolute()).isTrue();
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        boolean found = false;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            for (String required : new String[]{"id", "title", "updated"}) {
                assertThat(children(entry, required)).as("entry/" + required).isEqualTo(1);
            }
            assertThat(URI.create(text(entry, "id")).isAbsolute()).isTrue();
            OffsetDateTime.parse(text(entry, "updated"));
            found |= text(entry, "title").contains(name);
        }
        assertThat(found).as("an entry about " + name).isTrue();
    }

    @Test
    void aReplacementEndsTheOldEntryOnTheEffectiveDate() {
        publish(draft(unique("India"), "\"noticeDays\":30"));
        subprocessor(unique("Old Mail"), "DE");
        firstListOnce();
        JsonNode current = api.get("/api/v1/trust-center/subprocessors").json().get("current");
        assertThat(current.size()).isPositive();
        String oldId = current.get(0).get("id").asString();
        String oldName = current.get(0).get("name").asString();
        String name = unique("New Mail");
        String vendor = subprocessor(name, "FR");

        post("/api/v1/trust-center/subprocessors/notices", "{\"kind\":\"replaced\",\"vendorId\":\"%s\",\"replaces\":\"%s\",\"effectiveOn\":\"%s\"}"
                .formatted(vendor, oldId, LocalDate.now().plusDays(30)));

        String page = visitor.get("/trust/subprocessors").body();
        assertThat(page).contains("data-subprocessor=\"" + oldName + "\"", name + " will replace " + oldName);
    }

    @Test
    void aSubscriberConfirmsReceivesANoticeAndUnsubscribesWithOneClick() throws Exception {
        publish(draft(unique("Juliet"), ""));
        subprocessor(unique("Seed"), "IE");
        firstListOnce();
        String email = unique("customer") + "@example.org";

        Http.Response subscribed = visitor.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", email, "extra_info", ""), Map.of());
        assertThat(subscribed.status()).isEqualTo(200);
        assertThat(subscribed.body()).contains("Check your inbox");
        String confirm = link(mailTo(email, "Confirm your subscription"), "/trust/subscriptions/confirm");

        String name = unique("Before Confirm");
        post("/api/v1/trust-center/subprocessors/notices", "{\"kind\":\"added\",\"vendorId\":\"%s\",\"effectiveOn\":\"%s\"}"
                .formatted(subprocessor(name, "US"), LocalDate.now().plusDays(30)));
        assertThat(mailsTo(email)).as("nothing but the confirmation before confirming").isEqualTo(1);

        Http.Response confirmed = visitor.postForm(confirm, "/trust/subscriptions/confirm",
                Map.of("token", confirm.substring(confirm.indexOf("token=") + 6)), Map.of());
        assertThat(confirmed.body()).contains("Subscribed");

        String added = unique("Notified Storage");
        post("/api/v1/trust-center/subprocessors/notices", "{\"kind\":\"added\",\"vendorId\":\"%s\",\"effectiveOn\":\"%s\"}"
                .formatted(subprocessor(added, "US"), LocalDate.now().plusDays(45)));
        MimeMessage notice = mailTo(email, added);
        assertThat(body(notice)).contains(added, "United States", "Effective: " + LocalDate.now().plusDays(45));
        String unsubscribeHeader = notice.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribeHeader).matches("<http://[^>]+/trust/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]+>");
        assertThat(notice.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        // What a mail client does for RFC 8058: a bare POST, no cookie, no CSRF token.
        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(unsubscribeHeader.substring(1, unsubscribeHeader.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("Unsubscribed");

        long before = mailsTo(email);
        post("/api/v1/trust-center/subprocessors/notices", "{\"kind\":\"added\",\"vendorId\":\"%s\",\"effectiveOn\":\"%s\"}"
                .formatted(subprocessor(unique("After Unsubscribe"), "US"), LocalDate.now().plusDays(30)));
        Thread.sleep(500);
        assertThat(mailsTo(email)).isEqualTo(before);
    }

    @Test
    void aMalformedEmailIsRefusedWithAMessageAndABotFillingTheHoneypotGetsNothing() {
        publish(draft(unique("Kilo"), ""));
        Http.Response refused = visitor.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", "not an email", "extra_info", ""), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"email\"", "not a valid email address");

        String bot = unique("bot") + "@example.org";
        Http.Response trapped = visitor.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", bot, "extra_info", "http://spam"), Map.of());
        assertThat(trapped.status()).isEqualTo(200);
        assertThat(mailsTo(bot)).isZero();
    }

    @Test
    void subscriptionsAreRateLimitedPerAddress() {
        publish(draft(unique("Lima"), ""));
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", unique("r") + "@example.org"), Map.of()).status())
                    .isEqualTo(200);
        }
        String sixth = unique("r") + "@example.org";
        Http.Response limited = visitor.postForm("/trust/subscribe", "/trust/subscribe", Map.of("email", sixth), Map.of());
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.body()).contains("a confirmation email is on its way");
        assertThat(mailsTo(sixth)).as("answered as usual, but nothing is sent").isZero();
    }

    @Test
    void unknownConfirmationAndUnsubscribeLinksGetAClearPage() {
        publish(draft(unique("Mike"), ""));
        Http.Response unknown = visitor.get("/trust/subscriptions/unsubscribe?token=nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link is not valid");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int children(Element parent, String name) {
        int count = 0;
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) count++;
        }
        return count;
    }

    private static String text(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) return e.getTextContent();
        }
        throw new AssertionError("no " + name);
    }
}
