package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One view of every obligation that every module reports, soonest first. A module whose source
 * fails is left out (and logged) rather than taking the whole calendar down.
 */
@Service
@RequiredArgsConstructor
class ObligationsCalendar implements dev.attest.obligations.ObligationCalendar {

    private static final Logger log = LoggerFactory.getLogger(ObligationsCalendar.class);

    private final List<ObligationSource> sources;
    private final Clock clock;

    Instant now() {
        return clock.instant();
    }

    @Override
    public List<CalendarEntry> entries(WorkspaceId workspace) {
        Instant now = clock.instant();
        List<CalendarEntry> entries = new ArrayList<>();
        for (ObligationSource source : sources) {
            String module = moduleOf(source);
            try {
                for (Obligation o : source.obligations(workspace)) {
                    entries.add(new CalendarEntry(o, !now.isBefore(o.due()), module));
                }
            } catch (RuntimeException e) {
                log.error("The obligations of {} could not be read", module, e);
            }
        }
        entries.sort(Comparator.comparing((CalendarEntry e) -> e.obligation().due()).thenComparing(e -> e.obligation().id()));
        return entries;
    }

    /** The module that owns a source bean, from its package: {@code dev.attest.privacy.internal} gives {@code privacy}. */
    static String moduleOf(ObligationSource source) {
        String name = AopUtils.getTargetClass(source).getPackageName();
        String rest = name.startsWith("dev.attest.") ? name.substring("dev.attest.".length()) : name;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
