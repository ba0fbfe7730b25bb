package dev.attest.incidents.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.incidents.BreachRisk;
import dev.attest.incidents.DataCategory;
import dev.attest.incidents.Exercise;
import dev.attest.incidents.Incident;
import dev.attest.incidents.IncidentSettings;
import dev.attest.incidents.IncidentStatus;
import dev.attest.incidents.NotificationClock;
import dev.attest.incidents.OpenActionItem;
import dev.attest.incidents.PostMortem;
import dev.attest.incidents.Severity;
import dev.attest.incidents.TimelineEntry;
import dev.attest.web.WireName;
import dev.attest.web.NotFoundException;
import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.lines;
import static dev.attest.web.Columns.utc;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The incidents module's tables, and the only place its SQL lives. Lists are stored as text: names one a line, categories and states comma-separated. */
@Repository
@RequiredArgsConstructor
public class IncidentStore {

    private static final String COLUMNS = "id, title, description, reported_by, reported_at, discovered_at, severity, status, lead, "
            + "data_categories, systems_affected, customers_affected, individuals_affected, residents_by_state, breach, breach_risk, "
            + "breach_aware_at, breach_determined_at, breach_determined_by, closed_at, updated_at, updated_by";

    private final JdbcClient jdbc;

    List<Incident> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from incident where workspace_id = ? order by reported_at desc, id")
                .param(workspace.value()).query((rs, n) -> row(rs)).list();
    }

    /** The incidents whose title contains the term, or whose id it is, newest first. */
    public List<Incident> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return jdbc.sql("select " + COLUMNS + " from incident where workspace_id = ? and (lower(title) like ? escape '!' or id = ?)"
                        + " order by reported_at desc, id limit ?")
                .params(workspace.value(), term.likePattern(), term.idOrNone(), limit).query((rs, n) -> row(rs)).list();
    }

    /** The incident; one of another workspace, or none, is a 404. */
    Incident require(WorkspaceId workspace, UUID id) {
        return find(workspace, id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    Optional<Incident> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from incident where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query((rs, n) -> row(rs)).optional();
    }

    void insert(WorkspaceId workspace, Incident i) {
        jdbc.sql("insert into incident (workspace_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), i.id(), i.title(), i.description(), i.reportedBy(), utc(i.reportedAt()), utc(i.discoveredAt()),
                        WireName.of(i.severity()), WireName.of(i.status()), i.lead(), categories(i.data()), lines(i.systems()),
                        lines(i.customers()), i.individualsAffected(), states(i.residentsByState()), i.breach(), WireName.of(i.breachRisk()),
                        utc(i.breachAwareAt()), utc(i.breachDeterminedAt()), i.breachDeterminedBy(), utc(i.closedAt()),
                        utc(i.updatedAt()), i.updatedBy())
                .update();
    }

    void update(WorkspaceId workspace, Incident i) {
        jdbc.sql("""
                        update incident set title = ?, description = ?, discovered_at = ?, severity = ?, status = ?, lead = ?,
                        data_categories = ?, systems_affected = ?, customers_affected = ?, individuals_affected = ?, residents_by_state = ?,
                        breach = ?, breach_risk = ?, breach_aware_at = ?, breach_determined_at = ?, breach_determined_by = ?, closed_at = ?,
                        updated_at = ?, updated_by = ? where workspace_id = ? and id = ?""")
                .params(i.title(), i.description(), utc(i.discoveredAt()), WireName.of(i.severity()), WireName.of(i.status()), i.lead(),
                        categories(i.data()), lines(i.systems()), lines(i.customers()), i.individualsAffected(), states(i.residentsByState()),
                        i.breach(), WireName.of(i.breachRisk()), utc(i.breachAwareAt()), utc(i.breachDeterminedAt()),
                        i.breachDeterminedBy(), utc(i.closedAt()), utc(i.updatedAt()), i.updatedBy(), workspace.value(), i.id())
                .update();
    }

    private static Incident row(ResultSet rs) throws SQLException {
        return new Incident(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getString("reported_by"), instant(rs, "reported_at"), instant(rs, "discovered_at"),
                WireName.parse(Severity.class, rs.getString("severity")).orElse(null),
                WireName.parse(IncidentStatus.class, rs.getString("status")).orElse(IncidentStatus.OPEN),
                rs.getString("lead"), categories(rs.getString("data_categories")), lines(rs.getString("systems_affected")),
                lines(rs.getString("customers_affected")), rs.getInt("individuals_affected"), states(rs.getString("residents_by_state")),
                rs.getBoolean("breach"), WireName.parse(BreachRisk.class, rs.getString("breach_risk")).orElse(null),
                instant(rs, "breach_aware_at"), instant(rs, "breach_determined_at"), rs.getString("breach_determined_by"),
                instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    // timeline

    List<TimelineEntry> timeline(WorkspaceId workspace, UUID incident) {
        return jdbc.sql("select id, at, author, entry from incident_timeline where workspace_id = ? and incident_id = ? order by at, recorded_at")
                .params(workspace.value(), incident)
                .query((rs, n) -> new TimelineEntry(rs.getObject("id", UUID.class), instant(rs, "at"), rs.getString("author"), rs.getString("entry")))
                .list();
    }

    void insertTimeline(WorkspaceId workspace, UUID incident, TimelineEntry e, Instant recordedAt) {
        jdbc.sql("insert into incident_timeline (id, workspace_id, incident_id, at, author, entry, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), workspace.value(), incident, utc(e.at()), e.author(), e.entry(), utc(recordedAt)).update();
    }

    // notification clocks

    /** Every clock of every breach in the workspace, by incident. */
    Map<UUID, List<NotificationClock>> allClocks(WorkspaceId workspace) {
        Map<UUID, List<NotificationClock>> clocks = new java.util.LinkedHashMap<>();
        jdbc.sql("select incident_id, clock_key, rule, recipient, due_at, basis, sent_at, evidence, recorded_by from breach_notification "
                        + "where workspace_id = ? order by due_at, clock_key")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    clocks.computeIfAbsent(rs.getObject("incident_id", UUID.class), k -> new java.util.ArrayList<>()).add(clock(rs));
                });
        return clocks;
    }

    List<NotificationClock> clocks(WorkspaceId workspace, UUID incident) {
        return jdbc.sql("select clock_key, rule, recipient, due_at, basis, sent_at, evidence, recorded_by from breach_notification "
                        + "where workspace_id = ? and incident_id = ? order by due_at, clock_key")
                .params(workspace.value(), incident).query((rs, n) -> clock(rs)).list();
    }

    private static NotificationClock clock(ResultSet rs) throws SQLException {
        return new NotificationClock(rs.getString("clock_key"), rs.getString("rule"), rs.getString("recipient"), instant(rs, "due_at"),
                rs.getString("basis"), instant(rs, "sent_at"), rs.getString("evidence"), rs.getString("recorded_by"));
    }

    /** Starts a clock, or moves the deadline of one already running; a notification already recorded stays. */
    void saveClock(WorkspaceId workspace, UUID incident, NotificationClock c) {
        int updated = jdbc.sql("update breach_notification set rule = ?, recipient = ?, due_at = ?, basis = ? "
                        + "where workspace_id = ? and incident_id = ? and clock_key = ?")
                .params(c.rule(), c.recipient(), utc(c.due()), c.basis(), workspace.value(), incident, c.key()).update();
        if (updated == 0) {
            jdbc.sql("insert into breach_notification (id, workspace_id, incident_id, clock_key, rule, recipient, due_at, basis) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), workspace.value(), incident, c.key(), c.rule(), c.recipient(), utc(c.due()), c.basis())
                    .update();
        }
    }

    /** Stops a clock that no longer applies, unless its notification was already sent. */
    void dropUnsentClock(WorkspaceId workspace, UUID incident, String key) {
        jdbc.sql("delete from breach_notification where workspace_id = ? and incident_id = ? and clock_key = ? and sent_at is null")
                .params(workspace.value(), incident, key).update();
    }

    void recordSent(WorkspaceId workspace, UUID incident, String key, Instant sentAt, String evidence, String by, Instant now) {
        jdbc.sql("update breach_notification set sent_at = ?, evidence = ?, recorded_by = ?, recorded_at = ? "
                        + "where workspace_id = ? and incident_id = ? and clock_key = ?")
                .params(utc(sentAt), evidence, by, utc(now), workspace.value(), incident, key).update();
    }

    // post-mortem

    Optional<PostMortem> postMortem(WorkspaceId workspace, UUID incident) {
        List<PostMortem.ActionItem> actions = jdbc.sql("select id, description, owner, due_on, done_at from incident_action "
                        + "where workspace_id = ? and incident_id = ? order by due_on, created_at")
                .params(workspace.value(), incident)
                .query((rs, n) -> new PostMortem.ActionItem(rs.getObject("id", UUID.class), rs.getString("description"),
                        rs.getString("owner"), rs.getObject("due_on", LocalDate.class), instant(rs, "done_at")))
                .list();
        return jdbc.sql("select root_cause, lessons, updated_at, updated_by from incident_postmortem where workspace_id = ? and incident_id = ?")
                .params(workspace.value(), incident)
                .query((rs, n) -> new PostMortem(rs.getString("root_cause"), rs.getString("lessons"), actions,
                        instant(rs, "updated_at"), rs.getString("updated_by")))
                .optional()
                .or(() -> actions.isEmpty() ? Optional.empty() : Optional.of(new PostMortem(null, null, actions, null, null)));
    }

    void savePostMortem(WorkspaceId workspace, UUID incident, String rootCause, String lessons, Instant now, String by) {
        int updated = jdbc.sql("update incident_postmortem set root_cause = ?, lessons = ?, updated_at = ?, updated_by = ? "
                        + "where workspace_id = ? and incident_id = ?")
                .params(rootCause, lessons, utc(now), by, workspace.value(), incident).update();
        if (updated == 0) {
            jdbc.sql("insert into incident_postmortem (incident_id, workspace_id, root_cause, lessons, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)")
                    .params(incident, workspace.value(), rootCause, lessons, utc(now), by).update();
        }
    }

    void insertAction(WorkspaceId workspace, UUID incident, PostMortem.ActionItem a, Instant now) {
        jdbc.sql("insert into incident_action (id, workspace_id, incident_id, description, owner, due_on, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), workspace.value(), incident, a.description(), a.owner(), a.dueOn(), utc(now)).update();
    }

    boolean setActionDone(WorkspaceId workspace, UUID incident, UUID action, Instant doneAt) {
        return jdbc.sql("update incident_action set done_at = ? where workspace_id = ? and incident_id = ? and id = ?")
                .params(utc(doneAt), workspace.value(), incident, action).update() > 0;
    }

    List<OpenActionItem> openActions(WorkspaceId workspace) {
        return jdbc.sql("select a.id, a.incident_id, i.title, a.description, a.owner, a.due_on from incident_action a "
                        + "join incident i on i.id = a.incident_id where a.workspace_id = ? and a.done_at is null order by a.due_on")
                .param(workspace.value())
                .query((rs, n) -> new OpenActionItem(rs.getObject("incident_id", UUID.class), rs.getString("title"),
                        new PostMortem.ActionItem(rs.getObject("id", UUID.class), rs.getString("description"), rs.getString("owner"),
                                rs.getObject("due_on", LocalDate.class), null)))
                .list();
    }

    // exercises

    List<Exercise> exercises(WorkspaceId workspace) {
        return jdbc.sql("select id, held_on, scenario, participants, findings, recorded_by, recorded_at from incident_exercise "
                        + "where workspace_id = ? order by held_on desc, recorded_at desc")
                .param(workspace.value())
                .query((rs, n) -> new Exercise(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                        rs.getString("scenario"), lines(rs.getString("participants")), rs.getString("findings"),
                        rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }

    void insertExercise(WorkspaceId workspace, Exercise e) {
        jdbc.sql("insert into incident_exercise (id, workspace_id, held_on, scenario, participants, findings, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), workspace.value(), e.heldOn(), e.scenario(), lines(e.participants()), e.findings(), e.recordedBy(),
                        utc(e.recordedAt()))
                .update();
    }

    // settings

    Optional<IncidentSettings> settings(WorkspaceId workspace) {
        return jdbc.sql("select customer_notice_hours, time_zone from incident_setting where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new IncidentSettings(rs.getInt("customer_notice_hours"), ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    void saveSettings(WorkspaceId workspace, IncidentSettings s, Instant now, String by) {
        int updated = jdbc.sql("update incident_setting set customer_notice_hours = ?, time_zone = ?, updated_at = ?, updated_by = ? where workspace_id = ?")
                .params(s.customerNoticeHours(), s.zone().getId(), utc(now), by, workspace.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into incident_setting (workspace_id, customer_notice_hours, time_zone, updated_at, updated_by) values (?, ?, ?, ?, ?)")
                    .params(workspace.value(), s.customerNoticeHours(), s.zone().getId(), utc(now), by).update();
        }
    }

    // text forms of lists

    private static String categories(Set<DataCategory> data) {
        return data.stream().map(WireName::of).sorted().collect(Collectors.joining(","));
    }

    private static Set<DataCategory> categories(String text) {
        Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        if (text != null) {
            Arrays.stream(text.split(",")).forEach(s -> WireName.parse(DataCategory.class, s.strip()).ifPresent(set::add));
        }
        return set;
    }

    private static String states(Map<String, Integer> byState) {
        return new TreeMap<>(byState).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static Map<String, Integer> states(String text) {
        Map<String, Integer> map = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=");
                map.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return map;
    }
}
