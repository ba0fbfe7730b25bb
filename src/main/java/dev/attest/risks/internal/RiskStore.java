package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.risks.HeatMap;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskAssessment;
import dev.attest.risks.Treatment;
import dev.attest.web.SearchTerm;
import dev.attest.web.TableQuery;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The risks module's tables: risk and risk_assessment. */
@Repository
@RequiredArgsConstructor
public class RiskStore {

    private static final String COLUMNS = "id, title, description, category, owner, inherent_likelihood, inherent_impact, "
            + "residual_likelihood, residual_impact, treatment, acceptance_approver, acceptance_expires_on, control_keys, "
            + "reviewed_on, created_at, updated_at, updated_by";

    /** The register's sortable columns and the SQL each sorts by. */
    public static final Map<String, String> SORTS = Map.of(
            "title", "lower(title)",
            "category", "lower(category)",
            "owner", "lower(owner)",
            "inherent", "inherent_likelihood * inherent_impact",
            "residual", "residual_likelihood * residual_impact",
            "treatment", "treatment",
            "review", "reviewed_on");

    private final JdbcClient jdbc;

    /** One page of the risks whose title, category or owner contains {@code text} (blank is every risk), sorted in the database. */
    public List<Risk> page(WorkspaceId workspace, String text, TableQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select " + COLUMNS + " from risk" + where(workspace, text, params) + query.sqlPage(SORTS, "title, id", params);
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
    }

    public long count(WorkspaceId workspace, String text) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from risk" + where(workspace, text, params)).params(params).query(Long.class).single();
    }

    /** How many risks sit in each cell of the grid, counted by the database. */
    public HeatMap heatMap(WorkspaceId workspace) {
        return new HeatMap(cells(workspace, "inherent"), cells(workspace, "residual"));
    }

    private int[][] cells(WorkspaceId workspace, String which) {
        int[][] counts = new int[5][5];
        jdbc.sql("select " + which + "_likelihood l, " + which + "_impact i, count(*) n from risk where workspace_id = ? group by "
                        + which + "_likelihood, " + which + "_impact")
                .param(workspace.value())
                .query((rs, n) -> counts[rs.getInt("l") - 1][rs.getInt("i") - 1] = rs.getInt("n")).list();
        return counts;
    }

    private static String where(WorkspaceId workspace, String text, Map<String, Object> params) {
        params.put("ws", workspace.value());
        if (text == null || text.isBlank()) {
            return " where workspace_id = :ws";
        }
        params.put("text", SearchTerm.likeAnywhere(text));
        return " where workspace_id = :ws and (lower(title) like :text escape '!' or lower(category) like :text escape '!'"
                + " or lower(owner) like :text escape '!')";
    }

    public List<Risk> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from risk where workspace_id = ? order by title, id")
                .param(workspace.value()).query((rs, n) -> row(rs)).list();
    }

    /** The risks whose title contains the term, or whose id it is. */
    public List<Risk> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return jdbc.sql("select " + COLUMNS + " from risk where workspace_id = ? and (lower(title) like ? escape '!' or id = ?)"
                        + " order by title, id limit ?")
                .params(workspace.value(), term.likePattern(), term.idOrNone(), limit).query((rs, n) -> row(rs)).list();
    }

    public Optional<Risk> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from risk where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query((rs, n) -> row(rs)).optional();
    }

    public void insert(WorkspaceId workspace, Risk r) {
        jdbc.sql("insert into risk (workspace_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), r.id(), r.title(), r.description(), r.category(), r.owner(),
                        r.inherentLikelihood(), r.inherentImpact(), r.residualLikelihood(), r.residualImpact(),
                        r.treatment().wireName(), r.acceptanceApprover(), r.acceptanceExpiresOn(), String.join(",", r.controls()),
                        r.reviewedOn(), utc(r.createdAt()), utc(r.updatedAt()), r.updatedBy())
                .update();
    }

    public void update(WorkspaceId workspace, Risk r) {
        jdbc.sql("""
                        update risk set title = ?, description = ?, category = ?, owner = ?, inherent_likelihood = ?, inherent_impact = ?,
                        residual_likelihood = ?, residual_impact = ?, treatment = ?, acceptance_approver = ?, acceptance_expires_on = ?,
                        control_keys = ?, reviewed_on = ?, updated_at = ?, updated_by = ? where workspace_id = ? and id = ?""")
                .params(r.title(), r.description(), r.category(), r.owner(),
                        r.inherentLikelihood(), r.inherentImpact(), r.residualLikelihood(), r.residualImpact(),
                        r.treatment().wireName(), r.acceptanceApprover(), r.acceptanceExpiresOn(), String.join(",", r.controls()),
                        r.reviewedOn(), utc(r.updatedAt()), r.updatedBy(), workspace.value(), r.id())
                .update();
    }

    public boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from risk where workspace_id = ? and id = ?").params(workspace.value(), id).update() > 0;
    }

    public List<RiskAssessment> assessments(WorkspaceId workspace) {
        return jdbc.sql("select id, assessed_on, summary, recorded_by, recorded_at from risk_assessment where workspace_id = ? "
                        + "order by assessed_on desc, recorded_at desc")
                .param(workspace.value())
                .query((rs, n) -> new RiskAssessment(rs.getObject("id", UUID.class), rs.getObject("assessed_on", LocalDate.class),
                        rs.getString("summary"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }

    public void insertAssessment(WorkspaceId workspace, RiskAssessment a) {
        jdbc.sql("insert into risk_assessment (id, workspace_id, assessed_on, summary, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
                .params(a.id(), workspace.value(), a.assessedOn(), a.summary(), a.recordedBy(), utc(a.recordedAt()))
                .update();
    }

    /** The stored treatment in any case and around spaces; mitigate when there is none. */
    private static Treatment treatment(String value) {
        return WireName.parse(Treatment.class, value == null ? null : value.strip().toLowerCase(Locale.ROOT)).orElse(Treatment.MITIGATE);
    }

    private static Risk row(ResultSet rs) throws SQLException {
        String keys = rs.getString("control_keys");
        return new Risk(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getString("category"), rs.getString("owner"),
                rs.getInt("inherent_likelihood"), rs.getInt("inherent_impact"),
                rs.getInt("residual_likelihood"), rs.getInt("residual_impact"),
                treatment(rs.getString("treatment")),
                rs.getString("acceptance_approver"), rs.getObject("acceptance_expires_on", LocalDate.class),
                keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(",")),
                rs.getObject("reviewed_on", LocalDate.class), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
