package dev.attest.monitoring.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.EvidenceKind;
import dev.attest.evidence.ControlFreshness;
import dev.attest.evidence.EvidenceAdded;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.evidence.FreshnessRuleChanged;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.ControlMonitors;
import dev.attest.monitoring.Resource;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one resource per control that has evidence, {@code evidence.freshness.<control>}, with the dates
 * of its newest upload or attestation, so that the built-in checks of {@code checks/evidence.yaml} open
 * a finding when they lapse and close it when new evidence arrives, through the ordinary findings
 * pipeline. Pushed on each change (only that control is evaluated) rather than offered as a
 * {@code ResourceSource}: the evidence module cannot depend on monitoring (monitoring reads it), and a
 * source is read only by full runs; the hourly full run still sees a window run out, as checks compare
 * against the clock.
 */
@Component
@RequiredArgsConstructor
class FreshnessFeed {

    static final String SOURCE = "evidence-freshness";
    static final String TYPE_PREFIX = ControlMonitors.FRESHNESS_TYPES;

    private final ResourceIntake intake;
    private final EvaluationRun runs;
    private final EvidenceFreshness freshness;
    private final Catalog catalog;

    /** The resource type of one control's freshness: type names allow no hyphen. */
    static String type(String control) {
        return TYPE_PREFIX + control.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    @ApplicationModuleListener
    void on(EvidenceAdded event) {
        if (("upload".equals(event.kind()) || "attestation".equals(event.kind())) && event.controls() != null) {
            push(event.workspaceId(), Set.copyOf(event.controls()), event.actor());
        }
    }

    @ApplicationModuleListener
    void on(FreshnessRuleChanged event) {
        push(event.workspaceId(), Set.of(event.control()), event.actor());
    }

    private void push(WorkspaceId workspace, Set<String> controls, String actor) {
        List<Resource> resources = new ArrayList<>();
        for (String key : controls) {
            if (catalog.control(key).isPresent()) {
                resource(freshness.of(workspace, key)).ifPresent(resources::add);
            }
        }
        if (!resources.isEmpty()) {
            intake.receive(workspace, resources, SOURCE, actor);
        }
    }

    /**
     * Every hour, every control's resource again as one complete batch: unchanged documents cost a hash
     * comparison, and a push that was lost (a node stopped between commit and listener) is made good.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
    @SchedulerLock(name = "monitoring.evidence-freshness", lockAtMostFor = "PT50M")
    void refreshAll() {
        for (WorkspaceId workspace : runs.workspaces()) {
            refresh(workspace);
        }
    }

    void refresh(WorkspaceId workspace) {
        List<Resource> resources = new ArrayList<>();
        freshness.all(workspace).forEach(f -> resource(f).ifPresent(resources::add));
        if (!resources.isEmpty()) {
            intake.receive(workspace, resources, SOURCE, "system", true);
        }
    }

    private java.util.Optional<Resource> resource(ControlFreshness f) {
        if (f.expiresAt() == null) {
            return java.util.Optional.empty();
        }
        Control control = catalog.requireControl(f.control());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("control", f.control());
        data.put("days", (long) f.days());
        data.put("latestKind", f.latestKind());
        data.put("latestAt", f.latestAt().toString());
        data.put("expiresAt", f.expiresAt().toString());
        if (f.lastAttestedAt() != null && control.evidence().contains(EvidenceKind.ATTESTATION)) {
            data.put("attestedAt", f.lastAttestedAt().toString());
            data.put("attestedUntil", f.lastAttestedAt().plus(Duration.ofDays(f.days())).toString());
        }
        return java.util.Optional.of(new Resource(type(f.control()), f.control(), data));
    }
}
