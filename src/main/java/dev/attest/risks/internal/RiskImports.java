package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.risks.RiskImportRejected;
import dev.attest.risks.RiskImportRejected.RowError;
import dev.attest.risks.Risk;
import dev.attest.risks.RisksImported;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.TableQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The register in and out as CSV: an import checked all or nothing, and exports in the import's format. */
@Service
@RequiredArgsConstructor
public class RiskImports {

    private static final int EXPORT_LIMIT = 100_000;

    private final RiskStore store;
    private final RiskForms forms;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The outcome of an import: how many risks were created and how many updated. */
    public record ImportResult(int created, int updated) {
    }

    @Transactional(readOnly = true)
    public String exportCsv(WorkspaceId workspace) {
        return RiskCsv.write(store.all(workspace));
    }

    /** The risks the register shows for {@code text}, in its order, in the import format. */
    @Transactional(readOnly = true)
    public String exportCsv(WorkspaceId workspace, String text, TableQuery order) {
        return RiskCsv.write(store.page(workspace, text, new TableQuery(order.sort(), order.descending(), 1, EXPORT_LIMIT)));
    }

    /**
     * Imports a CSV file all or nothing: every row is checked first, and any problem refuses the
     * whole file with {@link RiskImportRejected} naming each row and column.
     */
    @Transactional
    public ImportResult importCsv(WorkspaceId workspace, String csv, String actor) {
        List<RiskCsv.Row> rows = RiskCsv.read(csv == null ? "" : csv);
        Instant now = clock.instant();
        List<RowError> errors = new ArrayList<>();
        List<Risk> toCreate = new ArrayList<>();
        List<Risk> toUpdate = new ArrayList<>();
        for (RiskCsv.Row row : rows) {
            UUID id = null;
            Risk existing = null;
            if (row.id() != null) {
                try {
                    id = UUID.fromString(row.id().strip());
                    existing = store.find(workspace, id).orElse(null);
                } catch (IllegalArgumentException e) {
                    // reported below like an unknown id
                }
                if (existing == null) {
                    errors.add(new RowError(row.row(), "id", "no risk with this id in the workspace (leave it empty to create one)"));
                    continue;
                }
            }
            try {
                if (existing == null) {
                    toCreate.add(forms.risk(workspace, row.input()).toRisk(UUID.randomUUID(), now, now, actor));
                } else {
                    toUpdate.add(forms.risk(workspace, row.input()).toRisk(id, existing.createdAt(), now, actor));
                }
            } catch (InvalidFieldException e) {
                e.errors().forEach((field, message) -> errors.add(new RowError(row.row(), column(field), message)));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(2, "row", "the file has no risks"));
        }
        if (!errors.isEmpty()) {
            throw new RiskImportRejected(errors);
        }
        toCreate.forEach(r -> store.insert(workspace, r));
        toUpdate.forEach(r -> store.update(workspace, r));
        events.publishEvent(new RisksImported(workspace, actor, toCreate.size(), toUpdate.size()));
        return new ImportResult(toCreate.size(), toUpdate.size());
    }

    /** The CSV column of an input field, so that import errors name what the file calls it. */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
