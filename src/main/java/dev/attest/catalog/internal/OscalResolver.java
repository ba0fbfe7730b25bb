package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves an OSCAL catalog, or a profile over catalogs and other profiles, into the ordered list
 * of groups and controls a framework is made of. A profile selects (include-all, include-controls
 * by id or pattern, with child controls, exclude-controls) and tailors (set-parameters, alters that
 * add parts). Refuses, naming where: an import that points to no document, a circular import, and a
 * control selected twice.
 */
final class OscalResolver {

    private final Map<String, OscalDocument> byName;
    private final Function<String, Optional<OscalDocument>> shipped;

    /**
     * @param documents the uploaded documents, by file name
     * @param shipped   finds a document shipped with Attest by file name (the 800-53 catalog a baseline imports)
     */
    OscalResolver(List<OscalDocument> documents, Function<String, Optional<OscalDocument>> shipped) {
        this.byName = new LinkedHashMap<>();
        documents.forEach(d -> byName.put(d.name(), d));
        this.shipped = shipped;
    }

    OscalResolution resolve(OscalDocument root) {
        return resolve(root, new ArrayDeque<>());
    }

    private OscalResolution resolve(OscalDocument document, Deque<String> stack) {
        if (document.model() == OscalSchemas.Model.CATALOG) {
            List<OscalEntry> entries = new ArrayList<>();
            flatten(document, document.body(), null, entries, new HashSet<>());
            Set<String> all = new LinkedHashSet<>();
            entries.stream().filter(e -> !e.group()).forEach(e -> all.add(e.id()));
            Map<String, JsonNode> params = new HashMap<>();
            collectParams(document.body(), params);
            return new OscalResolution(entries, all, params, new HashMap<>());
        }
        stack.push(document.name());
        JsonNode profile = document.body();
        List<OscalEntry> entries = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>();
        Map<String, JsonNode> params = new HashMap<>();
        Map<String, List<JsonNode>> added = new HashMap<>();
        Map<String, String> selectedAt = new HashMap<>();
        JsonNode imports = profile.path("imports");
        for (int i = 0; i < imports.size(); i++) {
            JsonNode anImport = imports.get(i);
            String at = document.name() + "#/profile/imports/" + i;
            OscalDocument target = locate(document, anImport.path("href").asString(""), at + "/href");
            if (stack.contains(target.name())) {
                List<String> chain = new ArrayList<>(stack);
                java.util.Collections.reverse(chain);
                chain.add(target.name());
                throw new OscalDocumentException(at + "/href", "circular-import",
                        "circular profile import: " + String.join(" -> ", chain));
            }
            OscalResolution source = resolve(target, stack);
            Set<String> chosen = ProfileSelection.select(source, anImport, at, selectedAt);
            for (OscalEntry entry : source.entries()) {
                if (entries.stream().noneMatch(e -> e.id().equals(entry.id()) && e.group() == entry.group())) {
                    entries.add(entry);
                }
            }
            selected.addAll(chosen);
            params.putAll(source.params());
            source.addedParts().forEach((k, v) -> added.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        JsonNode modify = profile.path("modify");
        for (JsonNode set : modify.path("set-parameters")) {
            String id = set.path("param-id").asString("");
            params.put(id, merged(params.get(id), set));
        }
        for (JsonNode alter : modify.path("alters")) {
            String id = alter.path("control-id").asString("");
            for (JsonNode add : alter.path("adds")) {
                for (JsonNode part : add.path("parts")) {
                    added.computeIfAbsent(id, x -> new ArrayList<>()).add(part);
                }
            }
        }
        stack.pop();
        return new OscalResolution(entries, selected, params, added);
    }

    /** A profile's set-parameter laid over the catalog's param: its values, label or select replace the catalog's. */
    private static JsonNode merged(JsonNode original, JsonNode set) {
        ObjectNode result = original == null ? set.deepCopy() instanceof ObjectNode o ? o : null : ((ObjectNode) original).deepCopy();
        if (result == null) {
            return set;
        }
        set.properties().forEach(e -> result.set(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * The document an import's href points to: a back-matter resource ({@code #uuid}) whose rlinks
     * name a file, or a file name or URL directly; matched by file name (without extension, so a
     * profile that names the XML catalog finds the uploaded JSON one) among the uploads, then among
     * the documents shipped with Attest.
     */
    private OscalDocument locate(OscalDocument profile, String href, String where) {
        List<String> candidates = new ArrayList<>();
        if (href.startsWith("#")) {
            String uuid = href.substring(1);
            for (OscalDocument d : byName.values()) {
                if (d.uuid().equals(uuid) && d != profile) {
                    return d;
                }
            }
            boolean found = false;
            for (JsonNode resource : profile.body().path("back-matter").path("resources")) {
                if (uuid.equals(resource.path("uuid").asString(""))) {
                    found = true;
                    resource.path("rlinks").forEach(l -> candidates.add(l.path("href").asString("")));
                }
            }
            if (!found) {
                throw new OscalDocumentException(where, "missing-import",
                        "the import points to back-matter resource " + href + ", which the profile does not have");
            }
        } else {
            candidates.add(href);
        }
        for (String candidate : candidates) {
            String base = baseName(candidate);
            for (OscalDocument d : byName.values()) {
                if (d != profile && baseName(d.name()).equals(base)) {
                    return d;
                }
            }
        }
        for (String candidate : candidates) {
            Optional<OscalDocument> found = shipped.apply(baseName(candidate));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new OscalDocumentException(where, "missing-import", "the import points to " + String.join(" or ", candidates.isEmpty()
                ? List.of(href) : candidates) + ", which is neither uploaded with it nor shipped with Attest");
    }

    static String baseName(String pathOrUrl) {
        String name = pathOrUrl;
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void flatten(OscalDocument document, JsonNode container, String parent, List<OscalEntry> into, Set<String> seen) {
        int generated = 0;
        for (JsonNode group : container.path("groups")) {
            String id = group.path("id").asString(null);
            if (id == null) {
                id = (parent == null ? "group" : parent) + "-" + (++generated);
            }
            if (!seen.add("g:" + id)) {
                throw new OscalDocumentException(document.name(), "unique-id", "group id '" + id + "' is used twice");
            }
            into.add(new OscalEntry(id, true, parent, group));
            flatten(document, group, id, into, seen);
        }
        for (JsonNode control : container.path("controls")) {
            String id = control.path("id").asString("");
            if (!seen.add("c:" + id)) {
                throw new OscalDocumentException(document.name(), "unique-id", "control id '" + id + "' is used twice");
            }
            into.add(new OscalEntry(id, false, parent, control));
            flatten(document, control, id, into, seen);
        }
    }

    private static void collectParams(JsonNode container, Map<String, JsonNode> into) {
        for (JsonNode param : container.path("params")) {
            into.put(param.path("id").asString(""), param);
        }
        for (JsonNode group : container.path("groups")) {
            collectParams(group, into);
        }
        for (JsonNode control : container.path("controls")) {
            collectParams(control, into);
        }
    }
}
