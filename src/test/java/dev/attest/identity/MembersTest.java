package dev.attest.identity;

import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins manage members: roles, deactivation, several workspaces kept apart. */
@AttestTest
class MembersTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private Http admin() {
        return Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void anAdminSeesEveryMemberWithTheirRole() {
        var viewer = TestAccounts.member(context, Role.VIEWER);

        Http.Response list = api().get("/api/v1/members");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(AttestTest.ADMIN_EMAIL, viewer.email());
        Http.Response page = admin().get("/members");
        assertThat(page.body()).contains("<html", viewer.email(), "data-member=\"" + viewer.email() + "\"");
        Http.Response fragment = admin().get("/members", Map.of("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"members\"", viewer.email());
    }

    @Test
    void onlyAdminsReachTheMembersPageAndApi() {
        var manager = TestAccounts.member(context, Role.COMPLIANCE_MANAGER);
        Http session = Http.signedIn(port, manager.email(), manager.password());
        String token = TestAccounts.token(context, TestAccounts.defaultWorkspace(context), manager.userId(), "read_write");

        assertThat(session.get("/members").status()).isEqualTo(403);
        assertThat(Http.withToken(port, token).get("/api/v1/members").status()).isEqualTo(403);
    }

    @Test
    void aNewRoleAppliesToTheMembersOpenSessionAtOnce() {
        var employee = TestAccounts.member(context, Role.EMPLOYEE);
        Http session = Http.signedIn(port, employee.email(), employee.password());
        assertThat(session.get("/controls").status()).isEqualTo(403);

        Http.Response changed = api().patchJson("/api/v1/members/" + employee.userId(), "{\"role\":\"control_owner\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("control_owner");
        assertThat(session.get("/controls").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/audit-log?action=identity.member-role-changed&target=user:" + employee.email()).body())
                .contains("role employee -> control_owner");
    }

    @Test
    void deactivatingAMemberEndsTheirSessionsAndTokensAtOnce() {
        var owner = TestAccounts.member(context, Role.CONTROL_OWNER);
        Http session = Http.signedIn(port, owner.email(), owner.password());
        String token = TestAccounts.token(context, TestAccounts.defaultWorkspace(context), owner.userId(), "read_write");
        assertThat(session.get("/controls").status()).isEqualTo(200);
        assertThat(Http.withToken(port, token).get("/api/v1/controls").status()).isEqualTo(200);

        Http.Response deactivated = api().postJson("/api/v1/members/" + owner.userId() + "/deactivate", "");

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        Http.Response next = session.get("/controls");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login?ended");
        assertThat(Http.withToken(port, token).get("/api/v1/controls").status()).isEqualTo(401);
        Http.Response again = Http.anonymous(port).postForm("/login", Map.of("username", owner.email(), "password", owner.password()));
        assertThat(again.header("Location")).contains("/login?");
        assertThat(again.header("Location")).doesNotEndWith("/");
    }

    @Test
    void theLastAdminKeepsTheRoleAndNobodyDeactivatesThemselves() {
        var second = TestAccounts.member(context, Role.ADMIN);
        Http secondAdmin = Http.signedIn(port, second.email(), second.password());

        Http.Response self = Http.withToken(port, TestAccounts.token(context, TestAccounts.defaultWorkspace(context), second.userId(), "read_write"))
                .postJson("/api/v1/members/" + second.userId() + "/deactivate", "");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("you cannot deactivate yourself");
        assertThat(secondAdmin.get("/members").status()).isEqualTo(200);
        // With two admins one may step down; the remaining one could not (checked by the count of active admins).
        assertThat(api().patchJson("/api/v1/members/" + second.userId(), "{\"role\":\"viewer\"}").status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        var viewer = TestAccounts.member(context, Role.VIEWER);

        Http.Response badRole = api().patchJson("/api/v1/members/" + viewer.userId(), "{\"role\":\"owner\"}");
        Http.Response expiryForViewer = api().patchJson("/api/v1/members/" + viewer.userId(), "{\"role\":\"viewer\",\"expiresOn\":\"2099-01-01\"}");
        Http.Response badDate = api().patchJson("/api/v1/members/" + viewer.userId(), "{\"role\":\"auditor\",\"expiresOn\":\"soon\"}");
        Http.Response unknown = api().patchJson("/api/v1/members/" + UUID.randomUUID(), "{\"role\":\"viewer\"}");
        Http.Response malformedId = api().get("/api/v1/members/not-a-uuid");

        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(expiryForViewer.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformedId.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/members/" + viewer.userId()).json().get("role").asString()).isEqualTo("viewer");
    }

    @Test
    void anAuditorsMembershipCarriesAnExpiryDate() {
        var auditor = TestAccounts.member(context, Role.VIEWER);

        Http.Response changed = api().patchJson("/api/v1/members/" + auditor.userId(), "{\"role\":\"auditor\",\"expiresOn\":\"2099-12-31\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("expiresAt").asString()).startsWith("2100-01-01");
    }

    @Test
    void aUserInTwoWorkspacesSwitchesAndSeesNothingOfTheOther() {
        String slug = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        var stranger = TestAccounts.member(context, Role.VIEWER);
        Http session = admin();

        Http.Response created = api().postJson("/api/v1/workspaces", "{\"slug\":\"" + slug + "\",\"name\":\"Second " + slug + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String second = created.json().get("id").asString();
        assertThat(api().postJson("/api/v1/workspaces", "{\"slug\":\"" + slug + "\",\"name\":\"Again\"}").status()).isEqualTo(400);

        Http.Response switched = session.postForm("/", "/workspaces/switch", Map.of("workspace", second), Map.of());
        assertThat(switched.status()).isEqualTo(302);
        Http.Response members = session.get("/members");
        assertThat(members.body()).contains("Second " + slug, AttestTest.ADMIN_EMAIL).doesNotContain(stranger.email());
        // the other workspace's member id is not found here, and a workspace one does not belong to cannot be entered
        assertThat(session.postForm("/members", "/members/" + stranger.userId() + "/deactivate", Map.of(), Map.of()).status()).isEqualTo(404);
        assertThat(session.postForm("/", "/workspaces/switch", Map.of("workspace", UUID.randomUUID().toString()), Map.of()).status())
                .isEqualTo(404);
        // the token stays bound to the workspace it was made in
        assertThat(api().get("/api/v1/members").body()).contains(stranger.email());
        assertThat(api().get("/api/v1/workspaces").body()).contains(slug);
    }
}
