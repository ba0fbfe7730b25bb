package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.ComplianceSummary;
import dev.attest.people.PersonCompliance;
import dev.attest.policies.AcceptanceTables;
import dev.attest.web.SearchTerm;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.attest.web.Columns.utc;

/**
 * Each person's done, due and overdue items counted in the database, by the rules {@link Onboarding#items} applies
 * one by one, so the roster filters, sorts and pages ten thousand people in SQL. Policy acceptances come through
 * the policies module's {@link AcceptanceTables}. Every deadline is compared with a moment worked out here from
 * the clock ({@code x + window < now} as {@code x < now - window}), so H2 and PostgreSQL need no date arithmetic.
 */
@Repository
@RequiredArgsConstructor
class ComplianceStore {

    /** The roster's sortable columns and the SQL each sorts by. */
    static final Map<String, String> SORTS = Map.of(
            "name", "lower(r.name)",
            "department", "lower(coalesce(r.department, ''))",
            "start", "coalesce(r.start_date, date '0001-01-01')",
            "done", "r.done",
            "due", "r.due",
            "overdue", "r.overdue");

    /** The states the roster is filtered by. */
    static final Set<String> STATES = Set.of("compliant", "due", "overdue");

    /** What the roster is filtered by: text in the name or email, and a state; null is any. */
    record Filter(String text, String state) {
        Filter {
            state = state != null && STATES.contains(state) ? state : null;
            text = text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** Still working here today: the people whose onboarding items count. */
    private static final String ACTIVE = "p.removed_at is null and (p.end_date is null or p.end_date > :today)";

    /** Item states: 0 done, 1 due, 2 overdue. */
    private static final String ITEMS = """
            select p.id as person_id, case when exists (select 1 from %2$s a where a.version_id = cv.version_id and a.email = p.email) then 0
                   when cv.published_at < :policyCut and %3$s then 2 else 1 end as state
            from person p join %1$s cv on cv.workspace_id = p.workspace_id
            where p.workspace_id = :ws and %4$s and (p.required_policies = ''
                  or concat(',', p.required_policies, ',') like concat('%%,', cast(cv.policy_id as varchar(36)), ',%%'))
            union all
            select p.id, case when t.last_at > :trainingValid then 0
                   when (t.last_at is null and %5$s) or t.last_at < :trainingValid then 2 else 1 end
            from person p left join (select person_id, max(completed_at) as last_at from person_training where workspace_id = :ws
                                     group by person_id) t on t.person_id = p.id
            where p.workspace_id = :ws and %4$s
            union all
            select p.id, case when exists (select 1 from person_agreement g where g.person_id = p.id) then 0 when %6$s then 2 else 1 end
            from person p where p.workspace_id = :ws and %4$s
            union all
            select p.id, case when b.status in ('completed', 'waived') then 0 when %6$s then 2 else 1 end
            from person p left join background_check b on b.person_id = p.id
            where p.workspace_id = :ws and %4$s
            union all
            select person_id, case when confirmed_at is not null then 0 when due_at < :now then 2 else 1 end
            from offboarding_task where workspace_id = :ws""".formatted(AcceptanceTables.CURRENT_VERSIONS, AcceptanceTables.ACCEPTANCES,
            startBefore("policyCut"), ACTIVE, startBefore("trainingCut"), startBefore("now"));

    private static final String COUNTED = """
            select %s, coalesce(c.done, 0) as done, coalesce(c.due, 0) as due, coalesce(c.overdue, 0) as overdue
            from person p left join (select person_id, sum(case when state = 0 then 1 else 0 end) as done,
                                            sum(case when state = 1 then 1 else 0 end) as due,
                                            sum(case when state = 2 then 1 else 0 end) as overdue
                                     from (%s) i group by person_id) c on c.person_id = p.id
            where p.workspace_id = :ws""".formatted(PeopleStore.PERSON_COLUMNS.replaceAll("(\\w+)", "p.$1"), ITEMS);

    private final JdbcClient jdbc;

    /** One page of the roster with each person's counts as of {@code now}, filtered and sorted in the database. */
    List<PersonCompliance> page(WorkspaceId workspace, Filter filter, TableQuery query, Instant now) {
        Map<String, Object> params = params(workspace, now);
        String sql = "select * from (" + COUNTED + ") r" + where(filter, params)
                + query.sqlPage(SORTS, "lower(r.name), r.email, r.id", params);
        return jdbc.sql(sql).params(params).query((rs, n) -> new PersonCompliance(PeopleStore.personRow(rs, n), rs.getLong("done"),
                rs.getLong("due"), rs.getLong("overdue"))).list();
    }

    long count(WorkspaceId workspace, Filter filter, Instant now) {
        Map<String, Object> params = params(workspace, now);
        return jdbc.sql("select count(*) from (" + COUNTED + ") r" + where(filter, params)).params(params).query(Long.class).single();
    }

    /** The roster's three figures as of {@code now}. */
    ComplianceSummary summary(WorkspaceId workspace, Instant now) {
        return jdbc.sql("select count(*), coalesce(sum(case when due = 0 and overdue = 0 then 1 else 0 end), 0),"
                        + " coalesce(sum(case when overdue > 0 then 1 else 0 end), 0) from (" + COUNTED + ") r")
                .params(params(workspace, now))
                .query((rs, n) -> new ComplianceSummary(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (filter.text() != null) {
            sql.append(" and (lower(r.name) like :text escape '!' or lower(r.email) like :text escape '!')");
            params.put("text", SearchTerm.likeAnywhere(filter.text()));
        }
        if (filter.state() != null) {
            sql.append(switch (filter.state()) {
                case "compliant" -> " and r.due = 0 and r.overdue = 0";
                case "overdue" -> " and r.overdue > 0";
                default -> " and r.due > 0 and r.overdue = 0";
            });
        }
        return sql.toString();
    }

    /** The moments the deadlines are compared with, from the windows of {@link Onboarding}. */
    private static Map<String, Object> params(WorkspaceId workspace, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspace.value());
        params.put("today", now.atZone(ZoneOffset.UTC).toLocalDate());
        put(params, "now", now);
        put(params, "policyCut", now.minus(Onboarding.POLICY_WINDOW));
        put(params, "trainingCut", now.minus(Onboarding.TRAINING_WINDOW));
        params.put("trainingValid", utc(now.minus(Onboarding.TRAINING_VALIDITY)));
        return params;
    }

    /** A moment, and the first day whose start (UTC midnight, as {@link Onboarding#start}) is not before it. */
    private static void put(Map<String, Object> params, String name, Instant at) {
        params.put(name, utc(at));
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        boolean midnight = at.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
        params.put(name + "Day", midnight ? day : day.plusDays(1));
    }

    /** The person's onboarding clock started before the moment {@code name}: the start date, else the day they were added. */
    private static String startBefore(String name) {
        return "((p.start_date is not null and p.start_date < :%1$sDay) or (p.start_date is null and p.created_at < :%1$s))".formatted(name);
    }
}
