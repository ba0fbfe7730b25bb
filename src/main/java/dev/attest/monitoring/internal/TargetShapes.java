package dev.attest.monitoring.internal;

import dev.attest.monitoring.internal.CollectorTargets.Refused;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of targets the collectors accept, read down to the hosts they reach: a PostgreSQL target or
 * {@code jdbc:postgresql://} URL with a few harmless parameters, a TLS {@code host:port} or {@code https://}
 * URL, a Git URL or scp-like {@code user@host:path}, URLs, and host names or addresses written the one way
 * every tool reads alike.
 */
final class TargetShapes {

    static final Set<String> POSTGRES_PARAMETERS = Set.of("sslmode", "ssl", "applicationname", "connecttimeout", "targetservertype");

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern SCP_LIKE = Pattern.compile("([A-Za-z0-9._-]+)@([^:/]+):(.+)");

    private TargetShapes() {
    }

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

    /** The host of a {@code host:port} server target (an optional scheme and a trailing /database are allowed). */
    static String serverHost(String target) throws Refused {
        String server = target.replaceFirst("^(redis|mariadb|mysql)://", "").replaceFirst("/.*$", "");
        if (server.isEmpty() || server.contains("://") || server.contains("?")) {
            throw new Refused("write host:port");
        }
        return hostOf(server);
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

    /** An http or https URL, else refused with this message. */
    static URI webUrl(String target, String refusal) throws Refused {
        URI uri = uri(target);
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new Refused(refusal);
        }
        return uri;
    }

    static URI uri(String target) throws Refused {
        try {
            return new URI(target);
        } catch (java.net.URISyntaxException e) {
            throw new Refused("not a valid URL");
        }
    }

    static String host(URI uri) throws Refused {
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
}
