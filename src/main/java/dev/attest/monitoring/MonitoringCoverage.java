package dev.attest.monitoring;

import java.util.List;
import java.util.Map;

/**
 * How the workspace's controls are monitored: each control by its strongest monitor (technical, record,
 * freshness, attestation, none), counted for the whole catalog, per domain and per framework.
 *
 * @param controls        how many controls the catalog holds
 * @param byMonitor       controls per strongest monitor kind, {@code none} included
 * @param withCheck       controls with a technical or record check
 * @param withCheckPercent that share, in percent rounded down
 * @param domains         the same counts per control domain, in catalog order
 * @param frameworks      the same counts per framework, over the controls its requirements map to
 * @param list            every control with its monitors, in catalog order
 */
public record MonitoringCoverage(int controls, Map<String, Integer> byMonitor, int withCheck, int withCheckPercent,
                                 List<Group> domains, List<Group> frameworks, List<ControlCoverage> list) {

    /** Counts for a group of controls (a domain or a framework). */
    public record Group(String id, String name, int controls, Map<String, Integer> byMonitor, int withCheck) {
    }

    /** One control, its strongest monitor and all of its monitors. */
    public record ControlCoverage(String control, String name, String domain, String strongest, List<ControlMonitor> monitors) {
    }
}
