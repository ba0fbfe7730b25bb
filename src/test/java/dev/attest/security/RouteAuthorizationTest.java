package dev.attest.security;

import dev.attest.identity.Role;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, checked route by route: every route the application registers is called as
 * an anonymous visitor and as a member of each role, and the outcome is compared with the table
 * in {@code src/test/resources/security/routes.csv}. A route without a row fails the build.
 *
 * <h2>The table</h2>
 * One row per route: {@code method,path,anonymous,admin,compliance_manager,control_owner,employee,auditor,viewer},
 * with the path exactly as the controller declares it ({@code /api/v1/members/{userId}}). Lines
 * starting with {@code #} are comments. Each outcome is one of:
 * <ul>
 *     <li>{@code ok}: the request got past authorization (any answer but 401, 403 or a redirect to sign-in;
 *     a 400 or 404 for the placeholder ids and empty bodies used here counts as ok)</li>
 *     <li>{@code denied}: 403, the caller is known but the role (or token scope) does not allow it</li>
 *     <li>{@code signin}: 401 on the API, or a redirect to {@code /login} for a page</li>
 * </ul>
 * How it calls: {@code /api/**} routes with a read-write personal token of a member in that role
 * (anonymous: no token); other routes with a signed-in session, sending the CSRF token for writes.
 * Path variables become a random UUID (names ending in "id" or "Id") or {@code x-route-test}.
 * Each request is one its handler can bind, read from the handler method's signature: a JSON body
 * of the parameter's shape ({@code {}} for an object, {@code []} for a list) for {@code @RequestBody},
 * the route's own content type when it names one (CSV, text), multipart with a small file for
 * uploads, a form with the CSRF token for page writes, and a value of the right type for every
 * required request parameter. So an allowed write is refused as a bad request only by the service's
 * own checks, and changes nothing. Method security runs after binding, so a request that cannot be
 * bound would answer 400 or 415 whatever the role: such an answer is reported as
 * {@code unbound} and fails the test instead of passing as ok or denied.
 * A mapping without an HTTP method is called with GET.
 * When a route is missing from the table the failure message prints the rows observed, ready to
 * review and paste.
 */
@AttestTest
class RouteAuthorizationTest {

    static final List<String> CALLERS = List.of("anonymous", "admin", "compliance_manager", "control_owner", "employee", "auditor", "viewer");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    record Route(String method, String path) implements Comparable<Route> {

        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public int compareTo(Route other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }
    }

    @Test
    void everyRouteAnswersEachRoleAsTheTableSays() throws Exception {
        TreeSet<Route> routes = registeredRoutes();
        Map<Route, List<String>> expected = expectedTable();

        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Caller> callers = callers();
        // The OpenAPI document is generated on its first request, which takes tens of seconds on a busy
        // machine: generate it once before the walk so that its row measures authorization, not that.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.discarding());
        for (Route route : routes) {
            List<String> outcomes = new ArrayList<>();
            for (String name : CALLERS) {
                try {
                    outcomes.add(callers.get(name).call(route));
                } catch (java.net.http.HttpTimeoutException e) {
                    outcomes.add("timeout");
                }
            }
            String row = route.method() + "," + route.path() + "," + String.join(",", outcomes);
            List<String> want = expected.get(route);
            if (want == null) {
                missing.add(row);
            } else if (!want.equals(outcomes)) {
                wrong.add("expected " + route.method() + "," + route.path() + "," + String.join(",", want) + "\n     got " + row);
            }
        }
        List<String> stale = expected.keySet().stream().filter(r -> !routes.contains(r))
                .map(r -> r.method() + "," + r.path()).toList();

        assertThat(missing).as("routes without a row in security/routes.csv (observed outcomes shown; review, then add them):\n"
                + String.join("\n", missing) + "\n").isEmpty();
        assertThat(wrong).as("routes whose outcome differs from security/routes.csv:\n" + String.join("\n", wrong) + "\n").isEmpty();
        assertThat(stale).as("rows in security/routes.csv for routes that no longer exist").isEmpty();
    }

    /** The auditor-of-an-audit callers, in the order of security/audit-routes.csv's columns. */
    static final List<String> AUDIT_CALLERS = List.of("invited_auditor", "auditor_of_another_audit", "auditor_after_access_ended");

    static boolean auditRoute(Route route) {
        return route.path().startsWith("/api/v1/audits/{id}") || route.path().startsWith("/audits/{id}");
    }

    /**
     * The routes of one audit, called with that audit's id by auditors of the workspace-wide auditor role: one
     * invited to it, one invited to another audit only, and one whose access to it ended yesterday. Outcomes
     * as in the main table, from {@code security/audit-routes.csv}; every route of an audit needs a row.
     */
    @Test
    void everyRouteOfAnAuditAnswersItsAuditorsAsTheAuditTableSays() throws Exception {
        TreeSet<Route> routes = new TreeSet<>(registeredRoutes().stream().filter(RouteAuthorizationTest::auditRoute).toList());
        Map<Route, List<String>> expected = expectedTable("security/audit-routes.csv", AUDIT_CALLERS.size());
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        String audit = plannedAudit(admin);
        String another = plannedAudit(admin);
        Map<String, Caller> callers = new LinkedHashMap<>();
        String[] auditOf = {audit, another, audit};
        for (int i = 0; i < AUDIT_CALLERS.size(); i++) {
            var account = TestAccounts.member(context, Role.AUDITOR);
            Http.Response invited = admin.postJson("/api/v1/audits/" + auditOf[i] + "/auditors",
                    "{\"email\":\"" + account.email() + "\",\"accessEndsOn\":\"" + java.time.LocalDate.now().plusDays(30) + "\"}");
            assertThat(invited.status()).as(invited.body()).isIn(200, 201);
            String token = TestAccounts.token(context, TestAccounts.defaultWorkspace(context), account.userId(), "read_write");
            callers.put(AUDIT_CALLERS.get(i), new Caller(account, token, audit));
        }
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update audit_auditor set access_ends = ? where audit_id = ? and email = ?")
                .params(java.time.LocalDate.now().minusDays(1), UUID.fromString(audit), callers.get("auditor_after_access_ended").account.email())
                .update();

        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            List<String> outcomes = new ArrayList<>();
            for (String name : AUDIT_CALLERS) {
                outcomes.add(callers.get(name).call(route));
            }
            String row = route.method() + "," + route.path() + "," + String.join(",", outcomes);
            List<String> want = expected.get(route);
            if (want == null) {
                missing.add(row);
            } else if (!want.equals(outcomes)) {
                wrong.add("expected " + route.method() + "," + route.path() + "," + String.join(",", want) + "\n     got " + row);
            }
        }
        assertThat(missing).as("audit routes without a row in security/audit-routes.csv (observed outcomes shown):\n"
                + String.join("\n", missing) + "\n").isEmpty();
        assertThat(wrong).as("audit routes whose outcome differs from security/audit-routes.csv:\n" + String.join("\n", wrong) + "\n").isEmpty();
        assertThat(expected.keySet().stream().filter(r -> !routes.contains(r)).toList()).as("rows for routes that no longer exist").isEmpty();
    }

    private static String plannedAudit(Http admin) {
        Http.Response created = admin.postJson("/api/v1/audits", """
                {"kind":"soc2_type2","firm":"Route Audit LLP","leadAuditor":"Dana Reyes","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(java.time.LocalDate.now().minusDays(90), java.time.LocalDate.now().plusDays(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The handler of each route and what it consumes, to build a request it can bind. */
    private final Map<Route, Map.Entry<RequestMappingInfo, HandlerMethod>> handlers = new java.util.HashMap<>();

    private TreeSet<Route> registeredRoutes() {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        TreeSet<Route> routes = new TreeSet<>();
        for (var handler : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                List<Route> found = new ArrayList<>();
                if (methods.isEmpty()) {
                    found.add(new Route("GET", path));
                }
                for (RequestMethod method : methods) {
                    found.add(new Route(method.name(), path));
                }
                for (Route route : found) {
                    routes.add(route);
                    handlers.putIfAbsent(route, handler);
                }
            }
        }
        return routes;
    }

    static Map<Route, List<String>> expectedTable() throws IOException {
        return expectedTable("security/routes.csv", CALLERS.size());
    }

    static Map<Route, List<String>> expectedTable(String file, int callers) throws IOException {
        Map<Route, List<String>> table = new LinkedHashMap<>();
        var stream = Objects.requireNonNull(RouteAuthorizationTest.class.getResourceAsStream("/" + file), file);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.strip().split(",");
                if (cells.length != 2 + callers) {
                    throw new IllegalStateException(file + " line " + number + " needs " + (2 + callers) + " cells: " + line);
                }
                List<String> outcomes = List.of(cells).subList(2, cells.length);
                for (String outcome : outcomes) {
                    if (!List.of("ok", "denied", "signin").contains(outcome)) { // never "unbound": that is a fault of this test's request
                        throw new IllegalStateException(file + " line " + number + ": unknown outcome " + outcome);
                    }
                }
                if (table.put(new Route(cells[0], cells[1]), outcomes) != null) {
                    throw new IllegalStateException(file + " line " + number + " repeats a route: " + line);
                }
            }
        }
        return table;
    }

    private Map<String, Caller> callers() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("anonymous", new Caller(null, null));
        for (String name : CALLERS.subList(1, CALLERS.size())) {
            var account = TestAccounts.member(context, Role.fromWireName(name));
            String token = TestAccounts.token(context, TestAccounts.defaultWorkspace(context), account.userId(), "read_write");
            callers.put(name, new Caller(account, token));
        }
        return callers;
    }

    /** One caller: a token for the API, a browser session for pages. */
    private final class Caller {

        private final TestAccounts.Account account;
        private final String token;
        /** The audit whose routes are called with its id, for the auditor-of-an-audit table; null for random ids. */
        private final String auditId;
        private HttpClient browser;

        Caller(TestAccounts.Account account, String token) {
            this(account, token, null);
        }

        Caller(TestAccounts.Account account, String token, String auditId) {
            this.account = account;
            this.token = token;
            this.auditId = auditId;
        }

        String call(Route route) throws Exception {
            String routePath = auditId != null && auditRoute(route) ? route.path().replaceFirst("\\{id}", auditId) : route.path();
            String path = VARIABLE.matcher(routePath).replaceAll(m -> m.group(1).toLowerCase().endsWith("id")
                    ? UUID.randomUUID().toString() : "x-route-test").replace("/**", "/x-route-test").replace("*", "x");
            boolean write = !route.method().equals("GET") && !route.method().equals("HEAD") && !route.method().equals("OPTIONS");
            RouteRequest binding = RouteRequest.of(handlers.get(route));
            String query = binding.query(write && !route.api());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
                    .timeout(Duration.ofSeconds(30));
            HttpResponse<String> response;
            if (route.api()) {
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                // JSON first, but any type a route produces (CSV, PDF) is acceptable, so content negotiation never answers before security.
                request.header("Accept", "application/json, */*;q=0.1");
                if (write || binding.hasBody()) {
                    request.header("Content-Type", binding.contentType());
                    request.method(route.method(), HttpRequest.BodyPublishers.ofByteArray(binding.body(null)));
                } else {
                    request.method(route.method(), HttpRequest.BodyPublishers.noBody());
                }
                response = plain().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } else {
                HttpClient client = session();
                if (write) {
                    String csrf = csrf(client, account == null ? "/login" : "/account");
                    request.header("X-CSRF-TOKEN", csrf);
                    if (binding.multipart()) {
                        request.header("Content-Type", binding.contentType());
                        request.method(route.method(), HttpRequest.BodyPublishers.ofByteArray(binding.body(csrf)));
                    } else {
                        request.header("Content-Type", "application/x-www-form-urlencoded");
                        request.method(route.method(), HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + binding.formFields()));
                    }
                } else {
                    request.GET();
                }
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (write) {
                    browser = null; // a write may have ended the session (sign-out, sign-out everywhere): start afresh
                }
            }
            return outcome(response);
        }

        private String outcome(HttpResponse<String> response) {
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse("");
            if (status == 401 || (status == 302 && location.matches(".*/login$"))) {
                return "signin";
            }
            if (status == 415 || (status == 400 && RouteRequest.unbound(response.body()))) {
                return "unbound";
            }
            return status == 403 ? "denied" : "ok";
        }

        private HttpClient plain() {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }

        private HttpClient session() throws Exception {
            if (browser == null) {
                browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
                if (account != null) {
                    String csrf = csrf(browser, "/login");
                    String form = "username=" + java.net.URLEncoder.encode(account.email(), StandardCharsets.UTF_8)
                            + "&password=" + java.net.URLEncoder.encode(account.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf;
                    var signIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(signIn.headers().firstValue("Location").orElse("")).as("sign-in of " + account.email()).doesNotContain("/login");
                }
            }
            return browser;
        }

        /** The CSRF token of the session, read from a page with a form. */
        private String csrf(HttpClient client, String page) throws Exception {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = CSRF.matcher(response.body());
            return matcher.find() ? matcher.group(1) : "";
        }
    }
}
