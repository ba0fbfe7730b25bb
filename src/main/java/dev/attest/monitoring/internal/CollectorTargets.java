package dev.attest.monitoring.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * addresses such as {@code 127.1}) are refused. The shapes are read by {@link TargetShapes} and
 * {@link ApiTargets}; this class holds the operator's policy over the addresses they reach.
 */
@Component
public class CollectorTargets {

    /** Cloud metadata services outside the link-local range (AWS over IPv6, Alibaba, Azure's wire server). */
    static final Set<String> METADATA = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200", "168.63.129.16");

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
                for (String host : TargetShapes.postgresHosts(value)) {
                    checkHost(host);
                }
            }
            case "tls" -> checkHost(TargetShapes.tlsHost(value));
            case "git" -> {
                Optional<String> host = TargetShapes.gitHost(value);
                if (host.isEmpty()) {
                    if (!allowLocalPaths) {
                        throw new Refused("the operator does not allow collectors to read local paths (attest.collectors.allow-local-paths)");
                    }
                } else {
                    checkHost(host.get());
                }
            }
            // host:port servers (an optional scheme and a trailing /database are allowed)
            case "redis", "mariadb" -> checkHost(TargetShapes.serverHost(value));
            case "web" -> checkHost(TargetShapes.host(TargetShapes.webUrl(value, "use an http:// or https:// URL")));
            // An account id or role ARN reaches AWS's public endpoints; an endpoint override is a host like any other, over https unless on loopback.
            case "aws" -> {
                dev.attest.monitoring.internal.collectors.AwsTarget aws;
                try {
                    aws = dev.attest.monitoring.internal.collectors.AwsTarget.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new Refused(e.getMessage());
                }
                if (aws.endpoint() != null) {
                    checkSecretsGoOverHttps(aws.endpoint(),
                            "use https for the endpoint after '@': the connection signs its requests with the access key there");
                }
            }
            case "github", "google-workspace", "okta", "entra" ->
                    checkSecretsGoOverHttps(apiTarget(kind, value).base(), "use https: the connection sends its credentials to the API");
            default -> throw new Refused("no policy for kind '" + kind + "'");
        }
    }

    /** Refuses a further URL a connection's secrets name (a Google key's token endpoint) as it would a target's host. */
    public void checkUrl(String url) throws Refused {
        URI uri = TargetShapes.webUrl(url, "use an https:// URL");
        checkSecretsGoOverHttps(uri, "use https: credentials are sent to " + TargetShapes.host(uri));
    }

    /** A host that credentials are sent to: allowed by the policy, and reached over https unless it is this machine. */
    private void checkSecretsGoOverHttps(URI uri, String refusal) throws Refused {
        String host = TargetShapes.host(uri);
        checkHost(host);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !loopbackOnly(host)) {
            throw new Refused(refusal);
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

    /** Reads a REST provider's target (see {@link ApiTargets}). */
    public static ApiTarget apiTarget(String kind, String target) throws Refused {
        return ApiTargets.parse(kind, target);
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
}
