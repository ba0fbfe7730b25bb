package dev.attest.monitoring.internal;

import dev.attest.monitoring.internal.CollectorTargets.ApiTarget;
import dev.attest.monitoring.internal.CollectorTargets.Refused;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import static dev.attest.monitoring.internal.TargetShapes.host;
import static dev.attest.monitoring.internal.TargetShapes.uri;

/** The targets of the REST provider collectors: an API's base URL and what it reads there. */
final class ApiTargets {

    private static final Pattern GITHUB_ORG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern TENANT = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9.-]+\\.[a-z]{2,}");

    /**
     * Reads a REST provider's target. GitHub: the organisation ({@code acme}) or its API URL
     * ({@code https://api.github.com/orgs/acme}, for GitHub Enterprise Server or a test server). Google
     * Workspace: the primary domain, optionally after the Admin SDK's base URL ({@code https://admin.googleapis.com/example.com}).
     * Okta: the org URL ({@code https://acme.okta.com}). Entra ID: the tenant id or domain, optionally after
     * a base URL that serves both Graph and the sign-in endpoint (a national cloud proxy or a test server).
     */
    static ApiTarget parse(String kind, String target) throws Refused {
        String value = target == null ? "" : target.strip();
        boolean url = value.contains("://");
        switch (kind) {
            case "okta" -> {
                URI uri = uri(value.contains("://") ? value : "https://" + value);
                String host = host(uri);
                String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
                if (!path.isEmpty() || uri.getQuery() != null) {
                    throw new Refused("write the Okta org URL only, e.g. https://acme.okta.com");
                }
                return new ApiTarget(URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()), host);
            }
            case "github" -> {
                String org = value;
                URI base = URI.create("https://api.github.com");
                if (url) {
                    URI uri = uri(value);
                    String path = uri.getPath() == null ? "" : uri.getPath();
                    int at = path.lastIndexOf("/orgs/");
                    if (at < 0 || uri.getQuery() != null) {
                        throw new Refused("write the organisation (acme) or its API URL (https://api.github.com/orgs/acme)");
                    }
                    org = path.substring(at + "/orgs/".length()).replaceAll("/+$", "");
                    base = URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path.substring(0, at));
                    host(uri);
                }
                if (!GITHUB_ORG.matcher(org).matches()) {
                    throw new Refused("'" + org + "' is not a GitHub organisation name");
                }
                return new ApiTarget(base, org);
            }
            case "google-workspace", "entra" -> {
                String name = value;
                URI base = URI.create(kind.equals("entra") ? "https://graph.microsoft.com" : "https://admin.googleapis.com");
                if (url) {
                    URI uri = uri(value);
                    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
                    int slash = path.lastIndexOf('/');
                    if (slash < 0 || uri.getQuery() != null) {
                        throw new Refused(kind.equals("entra") ? "write the tenant id, or a base URL followed by /<tenant id>"
                                : "write the primary domain, or a base URL followed by /<domain>");
                    }
                    name = path.substring(slash + 1);
                    base = URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path.substring(0, slash));
                    host(uri);
                }
                if (!TENANT.matcher(name).matches() || (kind.equals("google-workspace") && !name.contains("."))) {
                    throw new Refused(kind.equals("entra") ? "'" + name + "' is not a tenant id (a GUID) or domain"
                            : "'" + name + "' is not a domain");
                }
                return new ApiTarget(base, name);
            }
            default -> throw new Refused("no API target for kind '" + kind + "'");
        }
    }

    private ApiTargets() {
    }
}
