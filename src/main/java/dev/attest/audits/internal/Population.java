package dev.attest.audits.internal;

import dev.attest.crypto.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * A population for the audit period: its items in a canonical order (by id), the CSV an auditor
 * receives, and the SHA-256 of exactly that CSV. Drawing from "the same population" means drawing
 * from a CSV with the same hash.
 */
record Population(String name, List<Item> items) {

    /** One member of a population; {@code evidenceId} when Attest holds its evidence, else empty. */
    record Item(String id, String date, String description, String evidenceId) {
    }

    Population {
        items = items.stream().sorted(Comparator.comparing(Item::id)).toList();
    }

    String csv() {
        StringBuilder out = new StringBuilder("id,date,description,evidence\n");
        for (Item item : items) {
            out.append(cell(item.id())).append(',').append(cell(item.date())).append(',').append(cell(item.description())).append(',')
                    .append(cell(item.evidenceId())).append('\n');
        }
        return out.toString();
    }

    String sha256() {
        return sha256(csv().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    // Quoted when needed, and guarded so that a spreadsheet never runs a cell as a formula.
    private static String cell(String value) {
        String v = RequestCsv.guard(value == null ? "" : value);
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
