package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.AddActionItem;
import dev.attest.incidents.AddTimelineEntry;
import dev.attest.incidents.BreachRisk;
import dev.attest.incidents.ChangeNoticeSettings;
import dev.attest.incidents.DataCategory;
import dev.attest.incidents.DetermineBreach;
import dev.attest.incidents.IncidentStatus;
import dev.attest.incidents.RecordExercise;
import dev.attest.incidents.RecordNotification;
import dev.attest.incidents.ReportIncident;
import dev.attest.incidents.Severity;
import dev.attest.incidents.TriageIncident;
import dev.attest.incidents.WritePostMortem;
import dev.attest.web.FieldChecks;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what a page's form or an API request sent, as text, into the module's typed commands: the
 * same conversions and messages for both, every bad field named at once. Times without an offset
 * are read in the workspace's zone, as a browser's datetime-local field sends them.
 */
@Component
@RequiredArgsConstructor
class IncidentForms {

    private final Validator validator;
    private final Clock clock;
    private final NoticeSettings settings;
    private final MemberEmails members;
    private final Exercises exercises;

    private Submission submission() {
        return new Submission(validator, clock);
    }

    private ZoneId zone(WorkspaceId workspace) {
        return settings.settings(workspace).zone();
    }

    ReportIncident report(WorkspaceId workspace, String title, String description, String discoveredAt, List<String> systems) {
        Submission s = submission();
        return s.valid(new ReportIncident(title, description, s.time(discoveredAt, "discoveredAt", zone(workspace)), systems));
    }

    /** The triage as sent; a state's count is text, so that a bad one is named with the other errors. */
    TriageIncident triage(WorkspaceId workspace, String title, String description, String discoveredAt, String severity, String status,
                          String lead, List<String> data, List<String> systems, List<String> customers, String individualsAffected,
                          Map<String, String> residentsByState) {
        Submission s = submission();
        Severity level = s.choice(Severity.class, severity, "severity", "'{value}' is not one of " + Submission.allowed(Severity.class));
        IncidentStatus state = s.choice(IncidentStatus.class, status, "status", "choose one of " + Submission.allowed(IncidentStatus.class));
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String c : data == null ? List.<String>of() : data) {
            DataCategory category = s.choice(DataCategory.class, c, "data", "'{value}' is not one of " + Submission.allowed(DataCategory.class));
            if (category != null) {
                categories.add(category);
            }
        }
        String member = member(s, workspace, lead, "lead");
        String people = "'{value}' is not a whole number of people (0 or more)";
        Integer individuals = s.number(individualsAffected, "individualsAffected", people);
        Map<String, Integer> byState = new TreeMap<>();
        (residentsByState == null ? Map.<String, String>of() : residentsByState).forEach((code, count) -> {
            String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!key.matches("[A-Z]{2}")) {
                s.reject("residentsByState", "'" + code + "' is not a two-letter state code such as CA");
            } else {
                Integer n = s.number(count, "residentsByState", people);
                byState.put(key, n == null ? 0 : n);
            }
        });
        return s.valid(new TriageIncident(title, description, s.time(discoveredAt, "discoveredAt", zone(workspace)), level, state,
                member, categories, systems, customers, individuals == null ? 0 : individuals, byState));
    }

    AddTimelineEntry timelineEntry(WorkspaceId workspace, String at, String entry) {
        Submission s = submission();
        return s.valid(new AddTimelineEntry(s.time(at, "at", zone(workspace)), entry));
    }

    DetermineBreach breach(WorkspaceId workspace, String risk, String awareAt) {
        Submission s = submission();
        String problem = "choose the risk to the people affected: " + Submission.allowed(BreachRisk.class);
        BreachRisk level = FieldChecks.trimmed(risk) == null ? s.reject("risk", problem) : s.choice(BreachRisk.class, risk, "risk", problem);
        return s.valid(new DetermineBreach(level, s.time(awareAt, "awareAt", zone(workspace))));
    }

    RecordNotification notification(WorkspaceId workspace, String sentAt, String evidence) {
        Submission s = submission();
        return s.valid(new RecordNotification(s.time(sentAt, "sentAt", zone(workspace)), evidence));
    }

    WritePostMortem postMortem(String rootCause, String lessons) {
        return submission().valid(new WritePostMortem(rootCause, lessons));
    }

    AddActionItem action(WorkspaceId workspace, String description, String owner, String dueOn) {
        Submission s = submission();
        String member = member(s, workspace, owner, "owner");
        LocalDate due = s.date(dueOn, "dueOn", "give a due date as YYYY-MM-DD");
        return s.valid(new AddActionItem(description, member, due));
    }

    RecordExercise exercise(WorkspaceId workspace, String heldOn, String scenario, List<String> participants, String findings) {
        Submission s = submission();
        LocalDate held = s.date(heldOn, "heldOn", "give the date as YYYY-MM-DD");
        if (held != null && held.isAfter(exercises.today(workspace))) {
            s.reject("heldOn", "cannot be in the future");
        }
        return s.valid(new RecordExercise(held, scenario, participants, findings));
    }

    ChangeNoticeSettings settings(String customerNoticeHours, String timeZone) {
        Submission s = submission();
        Integer hours = s.number(customerNoticeHours, "customerNoticeHours", "a whole number of hours from 1 to 8760");
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            s.reject("timeZone", "not a time zone such as Europe/Berlin or America/New_York");
        }
        return s.valid(new ChangeNoticeSettings(hours == null ? 0 : hours, zone));
    }

    /** A member's email as the workspace spells it; null for none. */
    private String member(Submission s, WorkspaceId workspace, String email, String field) {
        String v = FieldChecks.trimmed(email);
        return v == null ? null : members.find(workspace, v).orElseGet(() -> s.reject(field, MemberEmails.unknown(v)));
    }
}
