package dev.attest.monitoring;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Domain;
import dev.attest.catalog.EvidenceKind;
import dev.attest.catalog.Framework;
import dev.attest.evidence.ControlFreshness;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.internal.ResourceTypes;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monitors behind each control: its checks (technical over collected resources, record over Attest's
 * own records), its evidence freshness (every control has one: evidence within the window its frequency
 * suggests) and its owner's attestation (where the catalog asks for one, or once an owner attested), and
 * the coverage of the catalog by the strongest of them.
 */
@Service
@RequiredArgsConstructor
public class ControlMonitors {

    /** The resource types of evidence freshness: checks over them are the freshness and attestation monitors, not record checks. */
    public static final String FRESHNESS_TYPES = "evidence.freshness.";

    private final Monitoring monitoring;
    private final ResourceTypes types;
    private final EvidenceFreshness freshness;
    private final Catalog catalog;
    private final java.time.Clock clock;

    /** Every control's monitors, by control key, in catalog order. */
    @Transactional(readOnly = true)
    public Map<String, List<ControlMonitor>> all(WorkspaceId workspace) {
        Set<String> recordTypes = types.recordTypes();
        Map<String, CheckTally> tallies = monitoring.tallies(workspace);
        Map<String, List<ControlMonitor>> checksByControl = new HashMap<>();
        Map<String, Check> freshnessChecks = new HashMap<>();
        for (Check check : monitoring.checks(workspace)) {
            if (check.resourceType().startsWith(FRESHNESS_TYPES)) {
                check.controls().forEach(key -> freshnessChecks.put(key, check));
                continue;
            }
            CheckTally tally = tallies.get(check.key());
            String state = tally == null ? "not-run" : tally.failed() > 0 ? "failing" : "passing";
            ControlMonitor monitor = new ControlMonitor(recordTypes.contains(check.resourceType()) ? "record" : "technical",
                    check.key(), check.title(), state, check.key());
            for (String key : check.controls()) {
                checksByControl.computeIfAbsent(key, k -> new ArrayList<>()).add(monitor);
            }
        }
        Map<String, ControlFreshness> fresh = new HashMap<>();
        freshness.all(workspace).forEach(f -> fresh.put(f.control(), f));
        Map<String, List<ControlMonitor>> all = new LinkedHashMap<>();
        for (Control control : catalog.controls()) {
            String key = control.key().value();
            List<ControlMonitor> monitors = new ArrayList<>(checksByControl.getOrDefault(key, List.of()));
            ControlFreshness f = fresh.get(key);
            if (f != null) {
                monitors.add(new ControlMonitor("freshness", "freshness",
                        "Evidence (" + kinds(control) + ") collected within " + f.days() + " days", f.state(),
                        freshnessChecks.containsKey(key) ? freshnessChecks.get(key).key() : null));
                if (control.evidence().contains(EvidenceKind.ATTESTATION) || f.lastAttestedAt() != null) {
                    String state = f.lastAttestedAt() == null ? "missing"
                            : f.lastAttestedAt().plus(java.time.Duration.ofDays(f.days())).isAfter(clock.instant()) ? "fresh" : "lapsed";
                    monitors.add(new ControlMonitor("attestation", "attestation",
                            "The owner confirms it operates every " + f.days() + " days", state,
                            freshnessChecks.containsKey(key) ? freshnessChecks.get(key).key() : null));
                }
            }
            monitors.sort(java.util.Comparator.comparingInt(m -> ControlMonitor.KINDS.indexOf(m.kind())));
            all.put(key, List.copyOf(monitors));
        }
        return all;
    }

    /** One control's monitors, strongest first. */
    public List<ControlMonitor> of(WorkspaceId workspace, String control) {
        String key = catalog.requireControl(control).key().value();
        return all(workspace).getOrDefault(key, List.of());
    }

    private static String kinds(Control control) {
        List<String> names = new ArrayList<>();
        for (EvidenceKind kind : control.evidence()) {
            if (kind != EvidenceKind.AUTOMATED_CHECK) {
                names.add(kind.wireName());
            }
        }
        return names.isEmpty() ? "any file" : String.join(", ", names);
    }

    /** Controls by their strongest monitor, for the catalog, each domain and each framework. */
    @Transactional(readOnly = true)
    public MonitoringCoverage coverage(WorkspaceId workspace) {
        Map<String, List<ControlMonitor>> all = all(workspace);
        List<MonitoringCoverage.ControlCoverage> list = new ArrayList<>();
        Map<String, String> strongest = new HashMap<>();
        for (Control control : catalog.controls()) {
            List<ControlMonitor> monitors = all.get(control.key().value());
            String best = monitors.isEmpty() ? "none" : monitors.get(0).kind();
            strongest.put(control.key().value(), best);
            list.add(new MonitoringCoverage.ControlCoverage(control.key().value(), control.name(), control.domain(), best, monitors));
        }
        List<MonitoringCoverage.Group> domains = new ArrayList<>();
        for (Domain domain : catalog.domains()) {
            Set<String> keys = new LinkedHashSet<>();
            catalog.controls().stream().filter(c -> c.domain().equals(domain.id())).forEach(c -> keys.add(c.key().value()));
            domains.add(group(domain.id(), domain.name(), keys, strongest));
        }
        List<MonitoringCoverage.Group> frameworks = new ArrayList<>();
        for (Framework framework : catalog.frameworks()) {
            Set<String> keys = new LinkedHashSet<>();
            framework.assessedRequirements().forEach(r -> r.controls().stream().map(ControlKey::value).forEach(keys::add));
            frameworks.add(group(framework.id(), framework.name(), keys, strongest));
        }
        MonitoringCoverage.Group total = group("all", "All controls", strongest.keySet(), strongest);
        return new MonitoringCoverage(total.controls(), total.byMonitor(), total.withCheck(),
                total.controls() == 0 ? 0 : total.withCheck() * 100 / total.controls(), domains, frameworks, list);
    }

    private static MonitoringCoverage.Group group(String id, String name, Set<String> keys, Map<String, String> strongest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ControlMonitor.KINDS.forEach(k -> counts.put(k, 0));
        counts.put("none", 0);
        int withCheck = 0;
        for (String key : keys) {
            String best = strongest.getOrDefault(key, "none");
            counts.merge(best, 1, Integer::sum);
            if (best.equals("technical") || best.equals("record")) {
                withCheck++;
            }
        }
        return new MonitoringCoverage.Group(id, name, keys.size(), counts, withCheck);
    }
}
