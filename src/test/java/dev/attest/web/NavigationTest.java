package dev.attest.web;

import dev.attest.identity.Role;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The main navigation, in its groups, offers each role the pages it can open and no others. */
@AttestTest
class NavigationTest {

    private static final Pattern NAV = Pattern.compile("<nav aria-label=\"Main\".*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>([^<]+)</a>");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private List<String> links(Role role) {
        var member = TestAccounts.member(context, role);
        Http session = Http.signedIn(port, member.email(), member.password());
        String page = session.get("/account").body();
        Matcher nav = NAV.matcher(page);
        assertThat(nav.find()).as("the main navigation on the account page").isTrue();
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(nav.group());
        while (link.find()) {
            links.add(link.group(2).strip());
            // Every link the navigation offers opens for this role.
            assertThat(session.get(link.group(1)).status()).as("%s opens %s", role, link.group(1)).isEqualTo(200);
        }
        return links;
    }

    @Test
    void anAdminSeesEveryGroup() {
        assertThat(links(Role.ADMIN)).containsExactly("Dashboard", "Controls", "Catalog", "Monitoring", "Evidence", "Policies", "People",
                "Vendors", "Risks", "Incidents", "Privacy", "Obligations", "Access reviews", "Trust Center", "Audits", "Audit log", "Members", "My tasks", "Account");
    }

    @Test
    void anEmployeeSeesTheirTasksAndWhatTheyMayDo() {
        assertThat(links(Role.EMPLOYEE)).containsExactly("Catalog", "Incidents", "Obligations", "Access reviews", "My tasks", "Account");
    }

    @Test
    void anAuditorSeesTheirAuditsAndNotTheWorkspacesRecords() {
        List<String> links = links(Role.AUDITOR);
        assertThat(links).contains("Audits", "Account").doesNotContain("Controls", "Audit log", "Evidence", "People", "Risks", "Incidents", "Members",
                "My tasks");
    }
}
