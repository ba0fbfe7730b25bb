package dev.attest.audits.internal;

import dev.attest.audits.Sample;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/** The table audit_sample. */
@Repository
@RequiredArgsConstructor
class SampleStore {

    private static final String COLUMNS = "id, audit_id, population, control_key, population_hash, population_size, sample_size, seed, items, drawn_at, drawn_by";

    private final JdbcClient jdbc;

    void insert(WorkspaceId workspace, Sample s) {
        jdbc.sql("insert into audit_sample (" + COLUMNS + ", workspace_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.auditId(), s.population(), s.control(), s.populationHash(), s.populationSize(), s.size(), s.seed(),
                        String.join("\n", s.items()), utc(s.drawnAt()), s.drawnBy(), workspace.value())
                .update();
    }

    List<Sample> list(WorkspaceId workspace, UUID auditId) {
        return jdbc.sql("select " + COLUMNS + " from audit_sample where workspace_id = ? and audit_id = ? order by drawn_at")
                .params(workspace.value(), auditId).query(SampleStore::sample).list();
    }

    Optional<Sample> find(WorkspaceId workspace, UUID auditId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from audit_sample where workspace_id = ? and audit_id = ? and id = ?")
                .params(workspace.value(), auditId, id).query(SampleStore::sample).optional();
    }

    private static Sample sample(ResultSet rs, int n) throws SQLException {
        String items = rs.getString("items");
        return new Sample(rs.getObject("id", UUID.class), rs.getObject("audit_id", UUID.class), rs.getString("population"),
                rs.getString("control_key"), rs.getString("population_hash"), rs.getInt("population_size"), rs.getInt("sample_size"),
                rs.getLong("seed"), items.isEmpty() ? List.of() : List.of(items.split("\n")), instant(rs, "drawn_at"), rs.getString("drawn_by"));
    }
}
