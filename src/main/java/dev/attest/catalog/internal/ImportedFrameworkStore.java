package dev.attest.catalog.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.web.MultiRowInsert;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The oscal_framework and oscal_requirement tables: frameworks imported from OSCAL, requirements in order. */
@Repository
@RequiredArgsConstructor
class ImportedFrameworkStore {

    private static final MultiRowInsert REQUIREMENTS = new MultiRowInsert("oscal_requirement", "framework_id", "position", "ref",
            "title", "summary", "parent", "is_group", "citation", "controls", "no_control_reason");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    boolean exists(String id) {
        return jdbc.sql("select count(*) from oscal_framework where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Writes the framework and its requirements in multi-row statements, in the caller's transaction. */
    void insert(Framework framework, String source, Instant at, String actor) {
        jdbc.sql("insert into oscal_framework (id, name, version, edition, description, source, imported_at, imported_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(framework.id(), framework.name(), framework.version(), framework.edition(), framework.description(), source,
                        at.atOffset(ZoneOffset.UTC), actor).update();
        List<Object[]> rows = new ArrayList<>(framework.requirements().size());
        int position = 0;
        for (Requirement r : framework.requirements()) {
            rows.add(new Object[]{framework.id(), position++, r.ref(), r.title(), r.summary(), r.parent(), r.group(), r.citation(),
                    String.join(",", r.controls().stream().map(ControlKey::value).toList()), r.noControlReason()});
        }
        REQUIREMENTS.insert(template, rows);
    }

    /** Replaces the controls (or the reason for none) of one requirement; headings are left alone. */
    void updateMapping(String frameworkId, String ref, List<ControlKey> controls, String noControlReason) {
        jdbc.sql("update oscal_requirement set controls = ?, no_control_reason = ? where framework_id = ? and ref = ? and is_group = ?")
                .params(String.join(",", controls.stream().map(ControlKey::value).toList()), noControlReason, frameworkId, ref, false)
                .update();
    }

    /** Every imported framework, requirements in their order. */
    List<Framework> all() {
        Map<String, List<Requirement>> requirements = new HashMap<>();
        jdbc.sql("select framework_id, ref, title, summary, parent, is_group, citation, controls, no_control_reason "
                        + "from oscal_requirement order by framework_id, position")
                .query(rs -> {
                    String controls = rs.getString("controls");
                    List<ControlKey> keys = controls == null || controls.isBlank() ? List.of()
                            : Arrays.stream(controls.split(",")).map(ControlKey::new).toList();
                    requirements.computeIfAbsent(rs.getString("framework_id"), k -> new ArrayList<>()).add(new Requirement(
                            rs.getString("framework_id"), rs.getString("ref"), rs.getString("title"), rs.getString("summary"),
                            rs.getString("parent"), rs.getBoolean("is_group"), null, null, false, keys,
                            rs.getString("no_control_reason"), rs.getString("citation")));
                });
        return jdbc.sql("select id, name, version, edition, description from oscal_framework order by imported_at, id")
                .query((rs, n) -> new Framework(rs.getString("id"), rs.getString("name"), rs.getString("version"),
                        rs.getString("edition"), rs.getString("description"), List.of(),
                        requirements.getOrDefault(rs.getString("id"), List.of()))).list();
    }
}
