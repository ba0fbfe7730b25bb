package dev.attest.policies.internal;

import dev.attest.policies.DiffRow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    @Test
    void twoLongVersionsCompareQuicklyAndEachColumnIsItsVersion() {
        List<String> before = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            before.add("Clause " + n + ": the company keeps this control in force.");
        }
        List<String> after = new ArrayList<>(before);
        for (int n = 4_900; n > 0; n -= 100) {
            after.set(n, "Clause " + n + ": reworded in review.");
        }
        // Clause 2000, reworded above, goes with the 50 clauses removed here: 48 reworded clauses remain.
        after.subList(2_000, 2_050).clear();
        after.add(3_000, "A clause added in review.");
        after.add("A closing clause.");

        long started = System.nanoTime();
        List<DiffRow> rows = LineDiff.compare(String.join("\n", before), String.join("\n", after));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(rows.stream().map(DiffRow::left).filter(Objects::nonNull).toList()).isEqualTo(before);
        assertThat(rows.stream().map(DiffRow::right).filter(Objects::nonNull).toList()).isEqualTo(after);
        assertThat(rows).filteredOn(r -> r.kind() == DiffRow.Kind.CHANGED).hasSize(48)
                .allSatisfy(r -> assertThat(r.right()).endsWith("reworded in review."));
        assertThat(rows).filteredOn(r -> r.kind() == DiffRow.Kind.REMOVED).hasSize(50);
        assertThat(rows).filteredOn(r -> r.kind() == DiffRow.Kind.ADDED).extracting(DiffRow::right)
                .containsExactly("A clause added in review.", "A closing clause.");
    }
}
