package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.Certificate;
import dev.attest.people.EmploymentType;
import dev.attest.people.Signature;
import dev.attest.people.OffboardingTask;
import dev.attest.people.Person;
import dev.attest.people.Training;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The roster and everything recorded about each person, in plain SQL, scoped by workspace. */
@Repository
@RequiredArgsConstructor
public class PeopleStore {

    static final String PERSON_COLUMNS = "id, name, email, title, department, manager_email, employment_type, start_date, "
            + "end_date, required_policies, external_id, created_at, updated_at, removed_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    /** Stored shape of a background check: the outcome still encrypted. */
    public record StoredCheck(UUID personId, String status, LocalDate completedOn, String provider, String sealedOutcome,
                              Instant updatedAt, String updatedBy) {
    }

    /** The workspaces that have anyone in their roster. */
    public List<WorkspaceId> workspaces() {
        return jdbc.sql("select distinct workspace_id from person").query(UUID.class).list().stream().map(WorkspaceId::new).toList();
    }

    public void insert(WorkspaceId workspace, List<Person> people) {
        String sql = "insert into person (" + PERSON_COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>(people.size());
        for (Person p : people) {
            rows.add(new Object[]{p.id(), p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(),
                    p.startDate(), p.endDate(), join(p.requiredPolicies()), p.externalId(), utc(p.createdAt()), utc(p.updatedAt()),
                    utc(p.removedAt()), workspace.value()});
        }
        for (int from = 0; from < rows.size(); from += 500) {
            template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 500)));
        }
    }

    public void update(WorkspaceId workspace, Person p) {
        jdbc.sql("""
                        update person set name = ?, email = ?, title = ?, department = ?, manager_email = ?, employment_type = ?,
                               start_date = ?, end_date = ?, required_policies = ?, external_id = ?, updated_at = ?, removed_at = ?
                        where id = ? and workspace_id = ?""")
                .params(p.name(), p.email(), p.title(), p.department(), p.managerEmail(), p.employmentType().wireName(), p.startDate(),
                        p.endDate(), join(p.requiredPolicies()), p.externalId(), utc(p.updatedAt()), utc(p.removedAt()), p.id(),
                        workspace.value())
                .update();
    }

    public Optional<Person> person(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where id = ? and workspace_id = ?").params(id, workspace.value())
                .query(PeopleStore::personRow).optional();
    }

    public Optional<Person> personByEmail(WorkspaceId workspace, String email) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where email = ? and workspace_id = ?").params(email, workspace.value())
                .query(PeopleStore::personRow).optional();
    }

    /** The people whose name or email contains the term, or whose id it is. */
    public List<Person> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where workspace_id = ?"
                        + " and (lower(name) like ? escape '!' or lower(email) like ? escape '!' or id = ?) order by name, email limit ?")
                .params(workspace.value(), term.likePattern(), term.likePattern(), term.idOrNone(), limit)
                .query(PeopleStore::personRow).list();
    }

    public List<Person> people(WorkspaceId workspace) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where workspace_id = ? order by name, email").param(workspace.value())
                .query(PeopleStore::personRow).list();
    }

    public List<String> emails(WorkspaceId workspace) {
        return jdbc.sql("select email from person where workspace_id = ?").param(workspace.value()).query(String.class).list();
    }

    public void insertTraining(WorkspaceId workspace, Training t, Certificate certificate) {
        jdbc.sql("insert into person_training (id, workspace_id, person_id, course, completed_at, certificate_name, certificate_type, "
                        + "certificate, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), workspace.value(), t.personId(), t.course(), utc(t.completedAt()),
                        certificate == null ? null : certificate.name(), certificate == null ? null : certificate.contentType(),
                        certificate == null ? null : certificate.content(), t.recordedBy())
                .update();
    }

    public List<Training> trainings(WorkspaceId workspace, UUID personId) {
        String sql = "select id, person_id, course, completed_at, certificate_name, recorded_by from person_training where workspace_id = ?"
                + (personId == null ? "" : " and person_id = ?") + " order by completed_at";
        var spec = jdbc.sql(sql).param(workspace.value());
        if (personId != null) {
            spec = spec.param(personId);
        }
        return spec.query((rs, n) -> new Training(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("course"), instant(rs, "completed_at"), rs.getString("certificate_name"), rs.getString("recorded_by"))).list();
    }

    public Optional<Certificate> certificate(WorkspaceId workspace, UUID trainingId) {
        return jdbc.sql("select certificate_name, certificate_type, certificate from person_training "
                        + "where id = ? and workspace_id = ? and certificate is not null")
                .params(trainingId, workspace.value())
                .query((rs, n) -> new Certificate(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public void insertSignature(WorkspaceId workspace, Signature s) {
        jdbc.sql("insert into person_agreement (id, workspace_id, person_id, signed_name, signed_at, address) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), workspace.value(), s.personId(), s.signedName(), utc(s.signedAt()), s.address()).update();
    }

    /** The first signature of each person (the one that counts for onboarding). */
    public Map<UUID, Signature> signatures(WorkspaceId workspace) {
        Map<UUID, Signature> byPerson = new HashMap<>();
        jdbc.sql("select person_id, signed_name, signed_at, address from person_agreement where workspace_id = ? order by signed_at")
                .param(workspace.value())
                .query((rs, n) -> new Signature(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, "signed_at"), rs.getString(4)))
                .list().forEach(s -> byPerson.putIfAbsent(s.personId(), s));
        return byPerson;
    }

    public void saveCheck(WorkspaceId workspace, StoredCheck c) {
        int updated = jdbc.sql("update background_check set status = ?, completed_on = ?, provider = ?, outcome = ?, updated_at = ?, "
                        + "updated_by = ? where person_id = ? and workspace_id = ?")
                .params(c.status(), c.completedOn(), c.provider(), c.sealedOutcome(), utc(c.updatedAt()), c.updatedBy(), c.personId(),
                        workspace.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into background_check (person_id, workspace_id, status, completed_on, provider, outcome, updated_at, updated_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.personId(), workspace.value(), c.status(), c.completedOn(), c.provider(), c.sealedOutcome(),
                            utc(c.updatedAt()), c.updatedBy())
                    .update();
        }
    }

    public Map<UUID, StoredCheck> checks(WorkspaceId workspace) {
        Map<UUID, StoredCheck> byPerson = new HashMap<>();
        jdbc.sql("select person_id, status, completed_on, provider, outcome, updated_at, updated_by from background_check where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new StoredCheck(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), instant(rs, "updated_at"), rs.getString(7)))
                .list().forEach(c -> byPerson.put(c.personId(), c));
        return byPerson;
    }

    public List<String> systems(WorkspaceId workspace) {
        return jdbc.sql("select name from people_system where workspace_id = ? order by name").param(workspace.value())
                .query(String.class).list();
    }

    public void replaceSystems(WorkspaceId workspace, List<String> names) {
        jdbc.sql("delete from people_system where workspace_id = ?").param(workspace.value()).update();
        for (String name : names) {
            jdbc.sql("insert into people_system (workspace_id, name) values (?, ?)").params(workspace.value(), name).update();
        }
    }

    /** Opens a revocation task unless the person already has one for that system. */
    public void openTask(WorkspaceId workspace, UUID personId, String system, Instant due) {
        int updated = jdbc.sql("update offboarding_task set due_at = ? where person_id = ? and system_name = ? and workspace_id = ? "
                        + "and confirmed_at is null")
                .params(utc(due), personId, system, workspace.value()).update();
        boolean exists = jdbc.sql("select count(*) from offboarding_task where person_id = ? and system_name = ? and workspace_id = ?")
                .params(personId, system, workspace.value()).query(Long.class).single() > 0;
        if (updated == 0 && !exists) {
            jdbc.sql("insert into offboarding_task (id, workspace_id, person_id, system_name, due_at) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), workspace.value(), personId, system, utc(due)).update();
        }
    }

    public void dropOpenTasks(WorkspaceId workspace, UUID personId) {
        jdbc.sql("delete from offboarding_task where person_id = ? and workspace_id = ? and confirmed_at is null")
                .params(personId, workspace.value()).update();
    }

    public List<OffboardingTask> tasks(WorkspaceId workspace, UUID personId) {
        String sql = "select id, person_id, system_name, due_at, confirmed_at, confirmed_by from offboarding_task where workspace_id = ?"
                + (personId == null ? "" : " and person_id = ?") + " order by system_name";
        var spec = jdbc.sql(sql).param(workspace.value());
        if (personId != null) {
            spec = spec.param(personId);
        }
        return spec.query((rs, n) -> new OffboardingTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                instant(rs, "due_at"), instant(rs, "confirmed_at"), rs.getString(6))).list();
    }

    public boolean confirmTask(WorkspaceId workspace, UUID taskId, Instant at, String by) {
        return jdbc.sql("update offboarding_task set confirmed_at = ?, confirmed_by = ? where id = ? and workspace_id = ? and confirmed_at is null")
                .params(utc(at), by, taskId, workspace.value()).update() == 1;
    }

    public void insertScimToken(WorkspaceId workspace, UUID id, String name, String hash, Instant now) {
        jdbc.sql("insert into scim_token (id, workspace_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(id, workspace.value(), name, hash, utc(now)).update();
    }

    public Optional<WorkspaceId> scimWorkspace(String hash) {
        return jdbc.sql("select workspace_id from scim_token where token_hash = ? and revoked_at is null").param(hash)
                .query(UUID.class).optional().map(WorkspaceId::new);
    }

    /** Claims today's digest for a person; false when one was already sent today. */
    public boolean claimDigest(WorkspaceId workspace, String email, LocalDate day, int items) {
        try {
            jdbc.sql("insert into reminder_digest (workspace_id, email, sent_on, items) values (?, ?, ?, ?)")
                    .params(workspace.value(), email, day, items).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    static Person personRow(ResultSet rs, int n) throws SQLException {
        String policies = rs.getString("required_policies");
        return new Person(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"), rs.getString("title"),
                rs.getString("department"), rs.getString("manager_email"), EmploymentType.parse(rs.getString("employment_type")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                policies == null || policies.isBlank() ? List.of() : Arrays.stream(policies.split(",")).map(UUID::fromString).toList(),
                rs.getString("external_id"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "removed_at"));
    }

    private static String join(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
