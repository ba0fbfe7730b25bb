package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.ChangeNoticeSettings;
import dev.attest.incidents.IncidentSettings;
import dev.attest.incidents.IncidentSettingsChanged;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.ZoneId;

/**
 * A workspace's notification settings: the hours its contracts give to tell customers and the time
 * zone in which deadlines counted in days end. Without settings of its own a workspace has the
 * installation's ({@code attest.incidents.customer-notice-hours}, {@code attest.time-zone}).
 */
@Service
@Validated
public class NoticeSettings {

    private final IncidentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IncidentSettings defaults;

    NoticeSettings(IncidentStore store, ApplicationEventPublisher events, Clock clock,
                   @Value("${attest.incidents.customer-notice-hours:72}") int customerNoticeHours,
                   ZoneId zone) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.defaults = new IncidentSettings(customerNoticeHours, zone);
    }

    @Transactional(readOnly = true)
    public IncidentSettings settings(WorkspaceId workspace) {
        return store.settings(workspace).orElse(defaults);
    }

    @Transactional
    public IncidentSettings change(WorkspaceId workspace, @Valid ChangeNoticeSettings change, String actor) {
        IncidentSettings settings = change.settings();
        store.saveSettings(workspace, settings, clock.instant(), actor);
        events.publishEvent(new IncidentSettingsChanged(workspace, actor, settings));
        return settings;
    }
}
