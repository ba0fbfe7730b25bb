package dev.attest.policies.internal;

import dev.attest.policies.DiffRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void pairsAChangedLineAndKeepsTheRestAligned() {
        List<DiffRow> rows = LineDiff.compare("# Title\nkeep\nold line\nend", "# Title\nkeep\nnew line\nend\nadded");

        assertThat(rows).containsExactly(
                new DiffRow(DiffRow.Kind.SAME, "# Title", "# Title"),
                new DiffRow(DiffRow.Kind.SAME, "keep", "keep"),
                new DiffRow(DiffRow.Kind.CHANGED, "old line", "new line"),
                new DiffRow(DiffRow.Kind.SAME, "end", "end"),
                new DiffRow(DiffRow.Kind.ADDED, null, "added"));
    }

    @Test
    void showsRemovedLinesOnTheLeftOnly() {
        assertThat(LineDiff.compare("a\nb\nc", "a\nc"))
                .containsExactly(new DiffRow(DiffRow.Kind.SAME, "a", "a"), new DiffRow(DiffRow.Kind.REMOVED, "b", null),
                        new DiffRow(DiffRow.Kind.SAME, "c", "c"));
    }

    @Test
    void identicalTextsAreAllSame() {
        assertThat(LineDiff.compare("x\ny", "x\ny")).allMatch(r -> r.kind() == DiffRow.Kind.SAME);
    }
}
