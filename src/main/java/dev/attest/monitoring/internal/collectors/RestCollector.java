package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.CollectorTargets;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the REST provider collectors share: the target read into an API base and a name, a {@link Session}
 * whose calls carry the credentials, secrets looked up under their names (the connection form's
 * {@code password} field standing for the main secret), optional reads whose refusal becomes one named
 * problem per permission, and the connection test's probes.
 */
@RequiredArgsConstructor
abstract class RestCollector implements Collector {

    final ProviderApi api;
    private final String provider;

    /** The provider's name in messages, e.g. {@code GitHub}. */
    final String provider() {
        return provider;
    }

    /**
     * A signed-in session with the provider: its API base, the target's name there (an org, a tenant, a
     * domain) and the headers every call sends.
     */
    record Session(ProviderApi api, String provider, URI base, String name, Map<String, String> headers) {

        /** GET of a path under the base. */
        ProviderApi.Response get(String path) throws CollectionFailed {
            return api.get(provider, at(base, path), headers);
        }

        /** Every item of a paged list under the base ({@link ProviderApi#all}). */
        List<JsonNode> all(String path, Function<ProviderApi.Response, JsonNode> items, Function<ProviderApi.Response, URI> next)
                throws CollectionFailed {
            return api.all(provider, at(base, path), headers, items, next);
        }
    }

    /** A session on the target whose calls send this {@code Authorization} header. */
    Session session(CollectorTargets.ApiTarget target, String authorization) {
        return new Session(api, provider, target.base(), target.name(), Map.of("Authorization", authorization));
    }

    CollectorTargets.ApiTarget target(String target) throws CollectionFailed {
        try {
            return CollectorTargets.apiTarget(description().kind(), target);
        } catch (CollectorTargets.Refused e) {
            throw new CollectionFailed("target refused: " + e.getMessage());
        }
    }

    /** The first secret set among these names, or null. */
    static String secret(Map<String, String> secrets, String... names) {
        for (String name : names) {
            String value = secrets.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    static String required(Map<String, String> secrets, String what, String... names) throws CollectionFailed {
        String value = secret(secrets, names);
        if (value == null) {
            throw new CollectionFailed("the connection has no " + what + " (secret '" + names[0] + "')");
        }
        return value;
    }

    static URI at(URI base, String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    /** A read that may come back empty-handed. */
    interface Read<T> {
        T get() throws CollectionFailed;
    }

    /**
     * Reads that may each be refused: a refusal (403) is reported once per permission as a problem of the run,
     * and later reads needing the same permission are skipped; wrong credentials (401) still end the run.
     */
    final class Reads {
        private final Progress progress;
        private final Set<String> refused = new LinkedHashSet<>();

        Reads(Progress progress) {
            this.progress = progress;
        }

        boolean refused(String permission) {
            return refused.contains(permission);
        }

        <T> T optional(String permission, String what, Read<T> read, T fallback) throws CollectionFailed {
            if (refused.contains(permission)) {
                return fallback;
            }
            try {
                return read.get();
            } catch (ProviderApi.ApiError e) {
                if (e.status() == 401) {
                    throw e;
                }
                if (e.status() == 403) {
                    if (refused.add(permission)) {
                        progress.problem("missing permission " + permission + ": could not read " + what + " (" + e.getMessage() + ")");
                    }
                } else {
                    progress.problem("could not read " + what + ": " + e.getMessage());
                }
                return fallback;
            }
        }
    }

    /** One permission the connection test tries, with a read that needs it. */
    record Probe(String permission, Read<?> read) {
    }

    /** Tries each probe: the permissions whose read was refused, each with the provider's word for it. */
    List<String> probe(List<Probe> probes) throws CollectionFailed {
        List<String> missing = new ArrayList<>();
        for (Probe probe : probes) {
            try {
                probe.read().get();
            } catch (ProviderApi.ApiError e) {
                if (e.status() == 401) {
                    throw e;
                }
                if (e.status() == 403) {
                    missing.add(probe.permission() + " (" + e.getMessage() + ")");
                } else if (e.status() != 404) {
                    missing.add(probe.permission() + " could not be verified: " + e.getMessage());
                }
            }
        }
        return missing;
    }

    // ---- JSON to resource values; absent and null fields stay absent, so checks can ask has()

    static void copy(Map<String, Object> data, String key, JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isBoolean()) {
            data.put(key, node.asBoolean());
        } else if (node.isIntegralNumber()) {
            data.put(key, node.asLong());
        } else if (node.isNumber()) {
            data.put(key, node.asDouble());
        } else if (node.isValueNode()) {
            data.put(key, node.asText());
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                String value = field == null ? text(item) : text(item.path(field));
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
