package dev.attest.policies.internal;

import dev.attest.policies.DiffRow;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff from the longest common subsequence of lines. Adjacent removals and
 * additions are paired into "changed" rows so that the two columns line up as a reader expects.
 */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<DiffRow> compare(String left, String right) {
        String[] a = lines(left);
        String[] b = lines(right);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<DiffRow> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                flush(rows, removed, added);
                rows.add(new DiffRow(DiffRow.Kind.SAME, a[i], b[j]));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(b[j++]);
            } else {
                removed.add(a[i++]);
            }
        }
        flush(rows, removed, added);
        return rows;
    }

    private static void flush(List<DiffRow> rows, List<String> removed, List<String> added) {
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
        removed.clear();
        added.clear();
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.replace("\r\n", "\n").split("\n", -1);
    }
}
