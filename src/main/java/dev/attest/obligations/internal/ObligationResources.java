package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.CalendarEntry;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Offers every open obligation on the calendar to monitoring as {@code obligations.obligation}. */
@Component
class ObligationResources implements ResourceSource {

    static final String TYPE = "obligations.obligation";

    private final ObligationsCalendar calendar;

    ObligationResources(ObligationsCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        return calendar.entries(workspace).stream().map(ObligationResources::resource).toList();
    }

    static Resource resource(CalendarEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", entry.obligation().kind());
        data.put("title", entry.obligation().title());
        if (entry.obligation().owner() != null) {
            data.put("owner", entry.obligation().owner()); // absent rather than null: checks test has(resource.owner)
        }
        data.put("due", entry.obligation().due().toString());
        data.put("module", entry.source());
        data.put("path", entry.obligation().path());
        data.put("overdue", entry.overdue());
        return new Resource(TYPE, entry.obligation().id(), data);
    }
}
