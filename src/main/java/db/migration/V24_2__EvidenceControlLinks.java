package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Links the evidence stored before {@code evidence_control} existed to its controls. Written in Java
 * because splitting the comma-separated list in SQL differs between H2 and PostgreSQL.
 */
public class V24_2__EvidenceControlLinks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("select workspace_id, id, kind, collected_by, collected_at, valid_until, controls "
                     + "from evidence_item where kind <> 'check-results' and controls <> ''");
             PreparedStatement insert = connection.prepareStatement("insert into evidence_control (workspace_id, control_key, "
                     + "evidence_id, kind, collected_by, collected_at, valid_until) values (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                for (String control : new java.util.LinkedHashSet<>(java.util.Arrays.asList(rs.getString(7).split(",")))) {
                    if (control.isBlank()) {
                        continue;
                    }
                    insert.setObject(1, rs.getObject(1));
                    insert.setString(2, control.strip());
                    insert.setObject(3, rs.getObject(2));
                    insert.setString(4, rs.getString(3));
                    insert.setString(5, rs.getString(4));
                    insert.setObject(6, rs.getObject(5, java.time.OffsetDateTime.class));
                    insert.setObject(7, rs.getObject(6, java.time.OffsetDateTime.class));
                    insert.addBatch();
                    if (++pending == 500) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
