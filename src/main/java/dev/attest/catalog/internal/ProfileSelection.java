package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one import of a profile selects from the document it imports: include-all, include-controls by
 * id or by pattern (with child controls when asked), less exclude-controls. A control selected twice
 * across the profile's imports is refused, naming both places.
 */
final class ProfileSelection {

    private ProfileSelection() {
    }

    /**
     * @param selectedAt where each control was selected so far in this profile, filled here
     */
    static Set<String> select(OscalResolution source, JsonNode anImport, String at, Map<String, String> selectedAt) {
        Map<String, OscalEntry> byId = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (OscalEntry entry : source.entries()) {
            if (!entry.group()) {
                byId.put(entry.id(), entry);
                if (entry.parent() != null) {
                    children.computeIfAbsent(entry.parent(), k -> new ArrayList<>()).add(entry.id());
                }
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (anImport.has("include-all")) {
            chosen.addAll(source.selected());
            for (String id : chosen) {
                claim(id, at + "/include-all", selectedAt);
            }
        }
        JsonNode includes = anImport.path("include-controls");
        for (int c = 0; c < includes.size(); c++) {
            JsonNode include = includes.get(c);
            boolean withChildren = "yes".equals(include.path("with-child-controls").asString("no"));
            JsonNode ids = include.path("with-ids");
            for (int k = 0; k < ids.size(); k++) {
                String id = ids.get(k).asString("");
                String where = at + "/include-controls/" + c + "/with-ids/" + k;
                if (!source.selected().contains(id)) {
                    throw new OscalDocumentException(where, "unknown-control",
                            "selects control '" + id + "', which the imported document does not have");
                }
                claim(id, where, selectedAt);
                chosen.add(id);
                if (withChildren) {
                    descendants(id, children, source.selected(), chosen);
                }
            }
            JsonNode matching = include.path("matching");
            for (int m = 0; m < matching.size(); m++) {
                Pattern glob = glob(matching.get(m).path("pattern").asString(""));
                for (String id : source.selected()) {
                    if (glob.matcher(id).matches() && chosen.add(id)) {
                        claim(id, at + "/include-controls/" + c + "/matching/" + m, selectedAt);
                        if (withChildren) {
                            descendants(id, children, source.selected(), chosen);
                        }
                    }
                }
            }
        }
        for (JsonNode exclude : anImport.path("exclude-controls")) {
            for (JsonNode id : exclude.path("with-ids")) {
                chosen.remove(id.asString(""));
            }
            for (JsonNode matching : exclude.path("matching")) {
                Pattern glob = glob(matching.path("pattern").asString(""));
                chosen.removeIf(id -> glob.matcher(id).matches());
            }
        }
        return chosen;
    }

    private static void claim(String id, String where, Map<String, String> selectedAt) {
        String earlier = selectedAt.putIfAbsent(id, where);
        if (earlier != null) {
            throw new OscalDocumentException(where, "control-selected-twice",
                    "control '" + id + "' is selected twice (first at " + earlier + ")");
        }
    }

    private static void descendants(String id, Map<String, List<String>> children, Set<String> available, Set<String> into) {
        for (String child : children.getOrDefault(id, List.of())) {
            if (available.contains(child) && into.add(child)) {
                descendants(child, children, available, into);
            }
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
