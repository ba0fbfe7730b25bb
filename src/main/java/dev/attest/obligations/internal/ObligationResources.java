package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.CalendarEntry;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import dev.attest.obligations.DutyKind;
import dev.attest.obligations.RecurringDuty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offers every open obligation on the calendar to monitoring as {@code obligations.obligation}, and
 * every kind of recurring duty as {@code obligations.duty}: one per scheduled duty, or one marked
 * unscheduled, so that a check on a duty fails when nobody scheduled it rather than passing on nothing.
 */
@Component
@RequiredArgsConstructor
class ObligationResources implements ResourceSource {

    static final String TYPE = "obligations.obligation";
    static final String DUTY = "obligations.duty";

    private final ObligationsCalendar calendar;
    private final RecurringDuties duties;
    private final Clock clock;

    @Override
    public Set<String> types() {
        return Set.of(TYPE, DUTY);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        List<Resource> resources = new ArrayList<>(calendar.entries(workspace).stream().map(ObligationResources::resource).toList());
        Map<DutyKind, List<RecurringDuty>> byKind = new EnumMap<>(DutyKind.class);
        for (RecurringDuty duty : duties.duties(workspace)) {
            byKind.computeIfAbsent(duty.kind(), k -> new ArrayList<>()).add(duty);
        }
        Instant now = clock.instant();
        for (DutyKind kind : DutyKind.values()) {
            List<RecurringDuty> scheduled = byKind.getOrDefault(kind, List.of());
            if (scheduled.isEmpty()) {
                resources.add(new Resource(DUTY, kind.wireName() + ":unscheduled",
                        Map.of("kind", kind.wireName(), "title", kind.title(), "scheduled", false, "overdue", false)));
            }
            for (RecurringDuty duty : scheduled) {
                Instant dueAt = duties.endOf(duty.nextDue());
                ResourceData data = new ResourceData()
                        .name("kind", kind)
                        .put("title", duty.title())
                        .put("scheduled", true)
                        .optional("owner", duty.owner())
                        .time("dueAt", dueAt)
                        .put("overdue", !now.isBefore(dueAt));
                if (duty.lastDoneAt() != null) {
                    data.time("lastDoneAt", duty.lastDoneAt()).put("lastDoneBy", duty.lastDoneBy());
                }
                resources.add(data.resource(DUTY, duty.id().toString()));
            }
        }
        return resources;
    }

    static Resource resource(CalendarEntry entry) {
        return new ResourceData()
                .put("kind", entry.obligation().kind())
                .put("title", entry.obligation().title())
                .optional("owner", entry.obligation().owner())
                .time("due", entry.obligation().due())
                .put("module", entry.source())
                .put("path", entry.obligation().path())
                .put("overdue", entry.overdue())
                .resource(TYPE, entry.obligation().id());
    }
}
