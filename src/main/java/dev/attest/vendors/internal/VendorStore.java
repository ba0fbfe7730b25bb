package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.RiskTier;
import dev.attest.vendors.TransferMechanism;
import dev.attest.vendors.VendorDetails;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The vendors module's table, always scoped by workspace. */
@Repository
@RequiredArgsConstructor
public class VendorStore {

    /** A row as stored, before the derived fields are worked out. */
    public record Row(UUID id, VendorDetails details, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    private static final String COLUMNS = "id, name, website, purpose, data_categories, countries, subprocessor, owner, tier_override, "
            + "override_reason, contract_start, contract_end, report_type, report_reviewed_on, report_reviewer, report_findings, "
            + "dpa_signed_on, dpa_document, baa_signed_on, transfer_mechanism, created_at, updated_at, updated_by";

    /** The risk tier as {@code Vendor} works it out: the override, else high for data about customers or people, medium for internal data. */
    private static final String TIER = "coalesce(tier_override, case when data_categories like '%customer%' or data_categories like '%personal%'"
            + " or data_categories like '%health%' or data_categories like '%cardholder%' then 'high'"
            + " when data_categories like '%internal%' then 'medium' else 'low' end)";

    /** The next review as {@code Vendor} works it out: the last report review plus the tier's interval, else the day it was added. */
    private static final String NEXT_REVIEW = "case when report_reviewed_on is null then cast(created_at as date)"
            + " when " + TIER + " = 'high' then cast(report_reviewed_on + interval '12' month as date)"
            + " when " + TIER + " = 'medium' then cast(report_reviewed_on + interval '24' month as date)"
            + " else cast(report_reviewed_on + interval '36' month as date) end";

    /** The register's sortable columns and the SQL each sorts by. */
    public static final Map<String, String> SORTS = Map.of(
            "name", "lower(name)",
            "tier", "case " + TIER + " when 'high' then 3 when 'medium' then 2 else 1 end",
            "review", NEXT_REVIEW,
            "updated", "updated_at");

    /** What the register is filtered by; null or false is any. */
    public record Filter(String text, RiskTier tier, boolean subprocessorsOnly) {
    }

    private final JdbcClient jdbc;

    /** One page of the register, filtered and sorted in the database. */
    public List<Row> page(WorkspaceId workspace, Filter filter, TableQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select " + COLUMNS + " from vendor" + where(workspace, filter, params) + query.sqlPage(SORTS, "lower(name), id", params);
        return jdbc.sql(sql).params(params).query(VendorStore::row).list();
    }

    public long count(WorkspaceId workspace, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from vendor" + where(workspace, filter, params)).params(params).query(Long.class).single();
    }

    private static String where(WorkspaceId workspace, Filter filter, Map<String, Object> params) {
        params.put("ws", workspace.value());
        StringBuilder sql = new StringBuilder(" where workspace_id = :ws");
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (lower(name) like :text escape '!' or lower(coalesce(purpose, '')) like :text escape '!')");
            params.put("text", SearchTerm.likeAnywhere(filter.text()));
        }
        if (filter.tier() != null) {
            sql.append(" and ").append(TIER).append(" = :tier");
            params.put("tier", filter.tier().wireName());
        }
        if (filter.subprocessorsOnly()) {
            sql.append(" and subprocessor = true");
        }
        return sql.toString();
    }

    public List<Row> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from vendor where workspace_id = ? order by lower(name)")
                .param(workspace.value()).query(VendorStore::row).list();
    }

    /** The vendors whose name contains the term, or whose id it is. */
    public List<Row> search(WorkspaceId workspace, dev.attest.web.SearchTerm term, int limit) {
        return jdbc.sql("select " + COLUMNS + " from vendor where workspace_id = ? and (lower(name) like ? escape '!' or id = ?)"
                        + " order by lower(name) limit ?")
                .params(workspace.value(), term.likePattern(), term.idOrNone(), limit).query(VendorStore::row).list();
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from vendor where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(VendorStore::row).optional();
    }

    public boolean nameTaken(WorkspaceId workspace, String name, UUID except) {
        return jdbc.sql("select count(*) from vendor where workspace_id = ? and lower(name) = lower(?) and id <> ?")
                .params(workspace.value(), name, except).query(Long.class).single() > 0;
    }

    public void insert(WorkspaceId workspace, UUID id, VendorDetails d, Instant now, String actor) {
        jdbc.sql("insert into vendor (workspace_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), id, d.name(), d.website(), d.purpose(), codes(d.data()), String.join(",", d.countries()),
                        d.subprocessor(), d.owner(), wire(d.tierOverride()), d.overrideReason(), d.contractStart(), d.contractEnd(),
                        d.reportType(), d.reportReviewedOn(), d.reportReviewer(), d.reportFindings(), d.dpaSignedOn(), d.dpaDocument(),
                        d.baaSignedOn(), wire(d.transferMechanism()), utc(now), utc(now), actor)
                .update();
    }

    public void update(WorkspaceId workspace, UUID id, VendorDetails d, Instant now, String actor) {
        jdbc.sql("""
                        update vendor set name = ?, website = ?, purpose = ?, data_categories = ?, countries = ?, subprocessor = ?, owner = ?,
                        tier_override = ?, override_reason = ?, contract_start = ?, contract_end = ?, report_type = ?, report_reviewed_on = ?,
                        report_reviewer = ?, report_findings = ?, dpa_signed_on = ?, dpa_document = ?, baa_signed_on = ?,
                        transfer_mechanism = ?, updated_at = ?, updated_by = ? where workspace_id = ? and id = ?""")
                .params(d.name(), d.website(), d.purpose(), codes(d.data()), String.join(",", d.countries()), d.subprocessor(), d.owner(),
                        wire(d.tierOverride()), d.overrideReason(), d.contractStart(), d.contractEnd(), d.reportType(),
                        d.reportReviewedOn(), d.reportReviewer(), d.reportFindings(), d.dpaSignedOn(), d.dpaDocument(), d.baaSignedOn(),
                        wire(d.transferMechanism()), utc(now), actor, workspace.value(), id)
                .update();
    }

    public void delete(WorkspaceId workspace, UUID id) {
        jdbc.sql("delete from vendor where workspace_id = ? and id = ?").params(workspace.value(), id).update();
    }

    private static String codes(Set<DataCategory> data) {
        return data.stream().sorted().map(DataCategory::wireName).collect(Collectors.joining(","));
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Set<DataCategory> data = EnumSet.noneOf(DataCategory.class);
        for (String code : split(rs.getString("data_categories"))) {
            WireName.parse(DataCategory.class, code).ifPresent(data::add);
        }
        VendorDetails details = new VendorDetails(rs.getString("name"), rs.getString("website"), rs.getString("purpose"), data,
                split(rs.getString("countries")), rs.getBoolean("subprocessor"), rs.getString("owner"),
                WireName.parse(RiskTier.class, rs.getString("tier_override")).orElse(null), rs.getString("override_reason"),
                date(rs, "contract_start"), date(rs, "contract_end"), rs.getString("report_type"), date(rs, "report_reviewed_on"),
                rs.getString("report_reviewer"), rs.getString("report_findings"), date(rs, "dpa_signed_on"),
                rs.getString("dpa_document"), date(rs, "baa_signed_on"),
                WireName.parse(TransferMechanism.class, rs.getString("transfer_mechanism")).orElse(null));
        return new Row(rs.getObject("id", UUID.class), details, rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
