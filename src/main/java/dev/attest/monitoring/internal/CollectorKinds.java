package dev.attest.monitoring.internal;

import dev.attest.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The collectors by connection kind, what each asks of a connection, and the one ready to read a target. */
@Component
class CollectorKinds {

    private final Map<String, Collector> collectors;
    private final CollectorTargets targets;

    CollectorKinds(List<Collector> collectors, CollectorTargets targets) {
        this.collectors = collectors.stream().collect(Collectors.toMap(c -> c.description().kind(), Function.identity()));
        this.targets = targets;
    }

    Set<String> kinds() {
        return new TreeSet<>(collectors.keySet());
    }

    /** The collector of this kind, or null for a kind that does not exist (or none given). */
    Collector find(String kind) {
        return kind == null ? null : collectors.get(kind);
    }

    Map<String, String> targetHints() {
        Map<String, String> hints = new LinkedHashMap<>();
        kinds().forEach(k -> hints.put(k, collectors.get(k).description().targetHint()));
        return hints;
    }

    List<CredentialField> credentials(String kind) {
        Collector collector = find(kind);
        return collector == null ? List.of() : collector.description().credentials();
    }

    List<Collector.SetupStep> setup(String kind) {
        Collector collector = collectors.get(kind);
        if (collector == null) {
            throw new NotFoundException("no connection kind '" + kind + "'; kinds: " + String.join(", ", kinds()));
        }
        return collector.description().setup();
    }

    /**
     * The collector for a stored connection, its target checked again: the operator's policy or the name's
     * addresses may have changed since it was saved.
     */
    Collector ready(String kind, String target) throws Collector.CollectionFailed {
        Collector collector = collectors.get(kind);
        if (collector == null) {
            throw new Collector.CollectionFailed("no collector for kind '" + kind + "'");
        }
        try {
            targets.check(kind, target);
        } catch (CollectorTargets.Refused e) {
            throw new Collector.CollectionFailed("target refused: " + e.getMessage());
        }
        return collector;
    }
}
