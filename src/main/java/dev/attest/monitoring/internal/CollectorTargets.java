package dev.attest.monitoring.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where collectors may go, as the operator decides ({@code attest.collectors.*}). A connection makes
 * the server open sockets and run git on a user's behalf, so by default it may not reach this
 * machine (loopback), link-local or cloud metadata addresses, or local files; the operator enables
 * those classes, or allows single addresses and networks, and may deny more. Every address a host
 * name resolves to must pass, and a target is checked when it is saved and again before each run.
 *
 * <p>Only the targets' shapes the collectors accept get through: a PostgreSQL target or
 * {@code jdbc:postgresql://} URL with a few harmless parameters (others can load classes or write
 * files in the driver), a TLS {@code host:port} or {@code https://} URL, an AWS account id or role ARN (and the
 * host of its endpoint override), a Git URL over https, http,
 * ssh or git (or scp-like {@code user@host:path}), and a local path or {@code file://} URL only when
 * local paths are enabled. Numbers that tools read differently (octal, hexadecimal, shortened
 * addresses such as {@code 127.1}) are refused.
 */
@Component
public class CollectorTargets {

    /** Cloud metadata services outside the link-local range (AWS over IPv6, Alibaba, Azure's wire server). */
    static final Set<String> METADATA = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200", "168.63.129.16");
    static final Set<String> POSTGRES_PARAMETERS = Set.of("sslmode", "ssl", "applicationname", "connecttimeout", "targetservertype");

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern SCP_LIKE = Pattern.compile("([A-Za-z0-9._-]+)@([^:/]+):(.+)");

    /** A target the policy refuses, with the reason shown to the admin (in the form, or as the run's error). */
    public static class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowLoopback;
    private final boolean allowLinkLocal;
    private final boolean allowLocalPaths;
    private final List<Network> allowed;
    private final List<Network> denied;
    private final Resolver resolver;

    /** Looks up a host's addresses; tests give a fixed table. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @org.springframework.beans.factory.annotation.Autowired
    CollectorTargets(@Value("${attest.collectors.allow-loopback:false}") boolean allowLoopback,
                     @Value("${attest.collectors.allow-link-local:false}") boolean allowLinkLocal,
                     @Value("${attest.collectors.allow-local-paths:false}") boolean allowLocalPaths,
                     @Value("${attest.collectors.allow:}") List<String> allowed,
                     @Value("${attest.collectors.deny:}") List<String> denied) {
        this(allowLoopback, allowLinkLocal, allowLocalPaths, allowed, denied, InetAddress::getAllByName);
    }

    CollectorTargets(boolean allowLoopback, boolean allowLinkLocal, boolean allowLocalPaths, List<String> allowed, List<String> denied,
                     Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowLinkLocal = allowLinkLocal;
        this.allowLocalPaths = allowLocalPaths;
        this.allowed = networks(allowed, "attest.collectors.allow");
        this.denied = networks(denied, "attest.collectors.deny");
        this.resolver = resolver;
    }

    /** Refuses a target of this collector kind that the policy does not allow, saying why. */
    public void check(String kind, String target) throws Refused {
        String value = target == null ? "" : target.strip();
        if (value.startsWith("-")) {
            throw new Refused("a target cannot start with '-'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || Character.isWhitespace(value.charAt(i))) {
                throw new Refused("a target has no spaces or control characters");
            }
        }
        switch (kind) {
            case "postgres" -> {
                for (String host : postgresHosts(value)) {
                    checkHost(host);
                }
            }
            case "tls" -> checkHost(tlsHost(value));
            case "git" -> {
                Optional<String> host = gitHost(value);
                if (host.isEmpty()) {
                    if (!allowLocalPaths) {
                        throw new Refused("the operator does not allow collectors to read local paths (attest.collectors.allow-local-paths)");
                    }
                } else {
                    checkHost(host.get());
                }
            }
            // host:port servers (an optional scheme and a trailing /database are allowed)
            case "redis", "mariadb" -> {
                String server = value.replaceFirst("^(redis|mariadb|mysql)://", "").replaceFirst("/.*$", "");
                if (server.isEmpty() || server.contains("://") || server.contains("?")) {
                    throw new Refused("write host:port");
                }
                checkHost(hostOf(server));
            }
            case "web" -> {
                URI uri = uri(value);
                if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    throw new Refused("use an http:// or https:// URL");
                }
                checkHost(host(uri));
            }
            // An account id or role ARN reaches AWS's public endpoints; an endpoint override is a host like any other, over https unless on loopback.
            case "aws" -> {
                dev.attest.monitoring.internal.collectors.AwsTarget aws;
                try {
                    aws = dev.attest.monitoring.internal.collectors.AwsTarget.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new Refused(e.getMessage());
                }
                if (aws.endpoint() != null) {
                    String host = host(aws.endpoint());
                    checkHost(host);
                    if (!"https".equalsIgnoreCase(aws.endpoint().getScheme()) && !loopbackOnly(host)) {
                        throw new Refused("use https for the endpoint after '@': the connection signs its requests with the access key there");
                    }
                }
            }
            case "github", "google-workspace", "okta", "entra" -> {
                ApiTarget api = apiTarget(kind, value);
                checkHost(host(api.base()));
                if (!"https".equals(api.base().getScheme()) && !loopbackOnly(host(api.base()))) {
                    throw new Refused("use https: the connection sends its credentials to the API");
                }
            }
            default -> throw new Refused("no policy for kind '" + kind + "'");
        }
    }

    /** Refuses a further URL a connection's secrets name (a Google key's token endpoint) as it would a target's host. */
    public void checkUrl(String url) throws Refused {
        URI uri = uri(url);
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new Refused("use an https:// URL");
        }
        String host = host(uri);
        checkHost(host);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !loopbackOnly(host)) {
            throw new Refused("use https: credentials are sent to " + host);
        }
    }

    private boolean loopbackOnly(String host) throws Refused {
        try {
            for (InetAddress address : resolver.resolve(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new Refused("the host name '" + host + "' does not resolve");
        }
    }

    /**
     * A REST provider's target: the API's base URL and what it reads there (a GitHub organisation, a Google
     * Workspace domain, an Okta org, an Entra tenant).
     */
    public record ApiTarget(URI base, String name) {
    }

    private static final Pattern GITHUB_ORG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern TENANT = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9.-]+\\.[a-z]{2,}");

    /**
     * Reads a REST provider's target. GitHub: the organisation ({@code acme}) or its API URL
     * ({@code https://api.github.com/orgs/acme}, for GitHub Enterprise Server or a test server). Google
     * Workspace: the primary domain, optionally after the Admin SDK's base URL ({@code https://admin.googleapis.com/example.com}).
     * Okta: the org URL ({@code https://acme.okta.com}). Entra ID: the tenant id or domain, optionally after
     * a base URL that serves both Graph and the sign-in endpoint (a national cloud proxy or a test server).
     */
    public static ApiTarget apiTarget(String kind, String target) throws Refused {
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

    // ---- target shapes

    static List<String> postgresHosts(String target) throws Refused {
        String rest = target;
        if (rest.startsWith("jdbc:postgresql://")) {
            rest = rest.substring("jdbc:postgresql://".length());
            int query = rest.indexOf('?');
            if (query >= 0) {
                for (String pair : rest.substring(query + 1).split("&")) {
                    String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    if (!POSTGRES_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                        throw new Refused("the URL parameter '" + name + "' is not allowed (allowed: sslmode, ssl, ApplicationName, connectTimeout, targetServerType)");
                    }
                }
                rest = rest.substring(0, query);
            }
        } else if (rest.contains("://") || rest.contains("?")) {
            throw new Refused("write host:port/database or a jdbc:postgresql:// URL");
        }
        int slash = rest.indexOf('/');
        String hostList = slash >= 0 ? rest.substring(0, slash) : rest;
        if (hostList.isEmpty()) {
            throw new Refused("the target names no host");
        }
        List<String> hosts = new ArrayList<>();
        for (String hostPort : hostList.split(",")) {
            hosts.add(hostOf(hostPort));
        }
        return hosts;
    }

    static String tlsHost(String target) throws Refused {
        if (target.contains("://")) {
            URI uri = uri(target);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                throw new Refused("use host:port or an https:// URL");
            }
            return host(uri);
        }
        return hostOf(target);
    }

    /** The host a Git target reaches, or empty for a local path or {@code file://} URL. */
    static Optional<String> gitHost(String target) throws Refused {
        if (target.contains("::")) {
            throw new Refused("Git transports such as ext:: are not allowed; use an https, ssh or git URL");
        }
        if (target.contains("://")) {
            URI uri = uri(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return Optional.empty();
            }
            if (!Set.of("https", "http", "ssh", "git").contains(scheme)) {
                throw new Refused("use an https, http, ssh or git URL");
            }
            return Optional.of(host(uri));
        }
        Matcher scp = SCP_LIKE.matcher(target);
        if (scp.matches()) {
            return Optional.of(hostName(scp.group(2)));
        }
        return Optional.empty();
    }

    private static URI uri(String target) throws Refused {
        try {
            return new URI(target);
        } catch (java.net.URISyntaxException e) {
            throw new Refused("not a valid URL");
        }
    }

    private static String host(URI uri) throws Refused {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("the URL names no host");
        }
        return hostName(host);
    }

    /** The host of {@code host}, {@code host:port} or {@code [v6]:port}. */
    private static String hostOf(String hostPort) throws Refused {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new Refused("an IPv6 address in brackets lacks its ']'");
            }
            return hostName(hostPort.substring(0, end + 1));
        }
        int colon = hostPort.indexOf(':');
        return hostName(colon >= 0 ? hostPort.substring(0, colon) : hostPort);
    }

    /** A host name or a plainly written address: nothing a resolver or a tool could read two ways. */
    private static String hostName(String host) throws Refused {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isEmpty()) {
            throw new Refused("the target names no host");
        }
        if (bare.contains(":")) {
            if (!bare.matches("(?i)[0-9a-f:.]+")) {
                throw new Refused("'" + bare + "' is not an IPv6 address");
            }
            return bare;
        }
        // No top-level domain starts with a digit, so a name whose last label does is an address, and
        // must be written the one way every tool reads alike (inet_aton also takes 127.1, 0x7f.1, 2130706433).
        String last = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        last = last.substring(last.lastIndexOf('.') + 1);
        if (!last.isEmpty() && Character.isDigit(last.charAt(0))) {
            if (!DOTTED_QUAD.matcher(bare).matches()) {
                throw new Refused("write an IPv4 address as four decimal numbers, e.g. 10.0.0.5");
            }
            return bare;
        }
        if (!HOST_NAME.matcher(bare).matches()) {
            throw new Refused("'" + bare + "' is not a host name");
        }
        return bare;
    }

    // ---- addresses

    private void checkHost(String host) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host name '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                throw new Refused("'" + host + "' is " + why);
            }
        }
    }

    /** Why the address is refused, or null when a collector may reach it. */
    String refusal(InetAddress address) {
        if (matches(denied, address)) {
            return "an address the operator denies (attest.collectors.deny)";
        }
        if (matches(allowed, address)) {
            return null;
        }
        if (METADATA.contains(address.getHostAddress())) {
            return "a cloud metadata address, which collectors may not reach unless the operator allows it (attest.collectors.allow)";
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return allowLoopback ? null
                    : "a loopback address, which collectors may not reach unless the operator allows it (attest.collectors.allow-loopback)";
        }
        if (address.isLinkLocalAddress()) {
            return allowLinkLocal ? null
                    : "a link-local address, which collectors may not reach unless the operator allows it (attest.collectors.allow-link-local)";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        return null;
    }

    private static boolean matches(List<Network> networks, InetAddress address) {
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<Network> networks(List<String> entries, String key) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.strip(), key));
            }
        }
        return List.copyOf(networks);
    }

    /** An address block written as {@code address} or {@code address/prefix}, IPv4 or IPv6. */
    record Network(byte[] base, int prefix) {

        static Network parse(String entry, String key) {
            int slash = entry.indexOf('/');
            String address = slash >= 0 ? entry.substring(0, slash) : entry;
            if (!address.matches("(?i)[0-9a-f:.]+")) {
                throw new IllegalArgumentException(key + ": '" + entry + "' is not an address or address/prefix");
            }
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                int prefix = slash >= 0 ? Integer.parseInt(entry.substring(slash + 1)) : bytes.length * 8;
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException(key + ": '" + entry + "' has a prefix out of range");
                }
                return new Network(bytes, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + entry + "' is not an address or address/prefix");
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
