package dev.attest.policies.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.attest.policies.DiffRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A side-by-side line diff, with java-diff-utils' Myers algorithm finding the changes: its cost
 * grows with the size of the change, not with the product of the two lengths as a full table does.
 * Adjacent removals and additions are paired into "changed" rows so that the two columns line up as
 * a reader expects.
 */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<DiffRow> compare(String left, String right) {
        List<String> a = lines(left);
        List<String> b = lines(right);
        List<DiffRow> rows = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            int offset = delta.getTarget().getPosition() - at;
            for (; i < at; i++) {
                rows.add(new DiffRow(DiffRow.Kind.SAME, a.get(i), b.get(i + offset)));
            }
            pair(rows, delta.getSource().getLines(), delta.getTarget().getLines());
            i = at + delta.getSource().size();
        }
        int offset = b.size() - a.size();
        for (; i < a.size(); i++) {
            rows.add(new DiffRow(DiffRow.Kind.SAME, a.get(i), b.get(i + offset)));
        }
        return rows;
    }

    private static void pair(List<DiffRow> rows, List<String> removed, List<String> added) {
        int paired = Math.min(removed.size(), added.size());
        for (int k = 0; k < paired; k++) {
            rows.add(new DiffRow(DiffRow.Kind.CHANGED, removed.get(k), added.get(k)));
        }
        for (int k = paired; k < removed.size(); k++) {
            rows.add(new DiffRow(DiffRow.Kind.REMOVED, removed.get(k), null));
        }
        for (int k = paired; k < added.size(); k++) {
            rows.add(new DiffRow(DiffRow.Kind.ADDED, null, added.get(k)));
        }
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    }
}
