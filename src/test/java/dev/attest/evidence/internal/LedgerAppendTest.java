package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerVerification;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.MultiRowInsert;
import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Appending in multi-row statements: numbering across statements, and all or nothing per transaction. */
@AttestTest
class LedgerAppendTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path scratch;

    private static List<Ledger.Entry> entries(int n, String kind) {
        List<Ledger.Entry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Ledger.Entry(UUID.randomUUID(), kind, String.format("%064x", i)));
        }
        return list;
    }

    private long count(WorkspaceId workspace) {
        return jdbc.queryForObject("select count(*) from ledger_entry where workspace_id = ?", Long.class, workspace.value());
    }

    @Test
    void aBatchLargerThanOneStatementIsNumberedWithoutGapsAndVerifies() {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        List<Long> first = transactions.execute(s -> ledger.append(workspace, entries(MultiRowInsert.MAX_ROWS * 2 + 37, "upload")));
        List<Long> second = transactions.execute(s -> ledger.append(workspace, entries(3, "check-results")));

        assertThat(first).containsExactlyElementsOf(LongStream.rangeClosed(1, 1037).boxed().toList());
        assertThat(second).containsExactly(1038L, 1039L, 1040L);
        assertThat(count(workspace)).isEqualTo(1040);
        assertThat(jdbc.queryForObject("select max(seq) from ledger_entry where workspace_id = ?", Long.class, workspace.value()))
                .isEqualTo(1040);
        LedgerVerification verification = ledger.verify(workspace, scratch, java.util.List.of());
        assertThat(verification.valid()).as(verification.message()).isTrue();
        assertThat(verification.entries()).isEqualTo(1040);
    }

    @Test
    void aRowRefusedByTheDatabaseInALaterStatementUndoesTheWholeAppend() {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        transactions.executeWithoutResult(s -> ledger.append(workspace, entries(2, "upload")));
        List<Ledger.Entry> batch = entries(MultiRowInsert.MAX_ROWS + 200, "upload");
        // kind is at most 32 characters: the second statement fails after the first has inserted 500 rows
        batch.set(MultiRowInsert.MAX_ROWS + 100, new Ledger.Entry(UUID.randomUUID(), "k".repeat(40), "ab".repeat(32)));

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> ledger.append(workspace, batch)))
                .isInstanceOf(DataAccessException.class);

        assertThat(count(workspace)).isEqualTo(2);
        List<Long> next = transactions.execute(s -> ledger.append(workspace, entries(1, "upload")));
        assertThat(next).containsExactly(3L);
        assertThat(ledger.verify(workspace, scratch, java.util.List.of()).valid()).isTrue();
    }
}
