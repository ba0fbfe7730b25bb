package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.vendors.DataCategory;
import dev.attest.vendors.RiskTier;
import dev.attest.vendors.TransferMechanism;
import dev.attest.vendors.VendorDetails;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The vendors module's table, always scoped by workspace. */
@Repository
public class VendorStore {

    /** A row as stored, before the derived fields are worked out. */
    public record Row(UUID id, VendorDetails details, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    private static final String COLUMNS = "id, name, website, purpose, data_categories, countries, subprocessor, owner, tier_override, "
            + "override_reason, contract_start, contract_end, report_type, report_reviewed_on, report_reviewer, report_findings, "
            + "dpa_signed_on, dpa_document, baa_signed_on, transfer_mechanism, created_at, updated_at, updated_by";

    private final JdbcClient jdbc;

    VendorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
            DataCategory.fromWireName(code).ifPresent(data::add);
        }
        VendorDetails details = new VendorDetails(rs.getString("name"), rs.getString("website"), rs.getString("purpose"), data,
                split(rs.getString("countries")), rs.getBoolean("subprocessor"), rs.getString("owner"),
                RiskTier.fromWireName(rs.getString("tier_override")).orElse(null), rs.getString("override_reason"),
                date(rs, "contract_start"), date(rs, "contract_end"), rs.getString("report_type"), date(rs, "report_reviewed_on"),
                rs.getString("report_reviewer"), rs.getString("report_findings"), date(rs, "dpa_signed_on"),
                rs.getString("dpa_document"), date(rs, "baa_signed_on"),
                TransferMechanism.fromWireName(rs.getString("transfer_mechanism")).orElse(null));
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
