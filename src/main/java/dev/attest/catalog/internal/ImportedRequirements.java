package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.Requirement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A resolved catalog or profile as a framework's requirements: the groups that hold a selected control, then the controls. */
final class ImportedRequirements {

    /** The requirements, and how many groups were kept, withdrawn controls skipped and controls mapped to the library. */
    record Built(List<Requirement> requirements, int groups, int withdrawnSkipped, int mapped) {
    }

    private ImportedRequirements() {
    }

    /** Turns the resolved entries into requirements: groups that hold a selected control, then the controls, parents first. */
    static Built build(String frameworkId, OscalResolution resolution, Map<String, ShippedOscal.Mapping> mapping) {
        List<Requirement> into = new ArrayList<>();
        int[] counts = new int[3];
        Map<String, OscalEntry> byId = new LinkedHashMap<>();
        resolution.entries().forEach(e -> byId.put((e.group() ? "g:" : "c:") + e.id(), e));
        Set<String> kept = new HashSet<>();
        for (OscalEntry entry : resolution.entries()) {
            if (!entry.group() && resolution.selected().contains(entry.id())) {
                if (entry.withdrawn()) {
                    counts[1]++;
                } else {
                    kept.add("c:" + entry.id());
                }
            }
        }
        // a group is kept when a kept control sits anywhere under it
        for (String key : new ArrayList<>(kept)) {
            OscalEntry entry = byId.get(key);
            while (entry != null && entry.parent() != null) {
                OscalEntry parent = byId.getOrDefault("g:" + entry.parent(), byId.get("c:" + entry.parent()));
                if (parent != null && parent.group()) {
                    kept.add("g:" + parent.id());
                }
                entry = parent;
            }
        }
        Map<String, String> citations = new HashMap<>();
        Set<String> refs = new HashSet<>();
        for (OscalEntry entry : resolution.entries()) {
            String key = (entry.group() ? "g:" : "c:") + entry.id();
            if (!kept.contains(key)) {
                continue;
            }
            if (!refs.add(entry.id())) {
                throw new OscalDocumentException(entry.id(), "unique-id", "the id '" + entry.id() + "' names both a group and a control");
            }
            String parent = nearestKeptParent(entry, byId, kept);
            String title = cut(plain(entry.node().path("title").asString(entry.id())), 1000);
            if (entry.group()) {
                counts[0]++;
                into.add(new Requirement(frameworkId, entry.id(), title, null, parent, true, null, null, false, List.of(), null, null));
                continue;
            }
            String label = entry.label();
            String citation = label != null && !label.equals(entry.id()) && citations.putIfAbsent(label, entry.id()) == null ? label : null;
            String statement = OscalStatements.statement(entry.node(), resolution.params(),
                    resolution.addedParts().getOrDefault(entry.id(), List.of()));
            ShippedOscal.Mapping mapped = mapping.get(entry.id());
            if (mapped != null && !mapped.controls().isEmpty()) {
                counts[2]++;
            }
            into.add(new Requirement(frameworkId, entry.id(), title, statement.isEmpty() ? null : cut(statement, 100000), parent, false,
                    null, null, false, mapped == null ? List.of() : mapped.controls(), mapped == null ? null : mapped.noControlReason(),
                    citation));
        }
        return new Built(into, counts[0], counts[1], counts[2]);
    }

    private static String nearestKeptParent(OscalEntry entry, Map<String, OscalEntry> byId, Set<String> kept) {
        String parent = entry.parent();
        while (parent != null) {
            OscalEntry p = byId.getOrDefault("c:" + parent, byId.get("g:" + parent));
            if (p == null) {
                return null;
            }
            if (kept.contains((p.group() ? "g:" : "c:") + p.id())) {
                return p.id();
            }
            parent = p.parent();
        }
        return null;
    }

    private static String plain(String markup) {
        return markup.replaceAll("\\{\\{\\s*insert:[^}]*}}", "").replaceAll("[*_`]", "").strip();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
