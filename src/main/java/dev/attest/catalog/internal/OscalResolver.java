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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves an OSCAL catalog, or a profile over catalogs and other profiles, into the ordered list
 * of groups and controls a framework is made of. A profile selects (include-all, include-controls
 * by id or pattern, with child controls, exclude-controls) and tailors (set-parameters, alters that
 * add parts). Refuses, naming where: an import that points to no document, a circular import, and a
 * control selected twice.
 */
final class OscalResolver {

    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([^\\s}]+)\\s*}}");

    /** A document that has been validated and read. */
    record Document(String name, OscalSchemas.Model model, ObjectNode body) {
        String uuid() {
            return body.path("uuid").asString("");
        }
    }

    /** A group or control in catalog order; {@code parent} is the id of the enclosing group or control. */
    record Entry(String id, boolean group, String parent, JsonNode node) {
        boolean withdrawn() {
            for (JsonNode prop : node.path("props")) {
                if ("status".equals(prop.path("name").asString("")) && "withdrawn".equals(prop.path("value").asString(""))) {
                    return true;
                }
            }
            return false;
        }

        String label() {
            for (JsonNode prop : node.path("props")) {
                if ("label".equals(prop.path("name").asString("")) && prop.path("class").asString("").isEmpty()) {
                    return prop.path("value").asString(null);
                }
            }
            for (JsonNode prop : node.path("props")) {
                if ("label".equals(prop.path("name").asString(""))) {
                    return prop.path("value").asString(null);
                }
            }
            return null;
        }
    }

    /** The resolved selection: entries in catalog order, the ids selected, parameter values and added parts. */
    record Resolution(List<Entry> entries, Set<String> selected, Map<String, JsonNode> params, Map<String, List<JsonNode>> addedParts) {
    }

    private final Map<String, Document> byName;
    private final Function<String, Optional<Document>> shipped;

    /**
     * @param documents the uploaded documents, by file name
     * @param shipped   finds a document shipped with Attest by file name (the 800-53 catalog a baseline imports)
     */
    OscalResolver(List<Document> documents, Function<String, Optional<Document>> shipped) {
        this.byName = new LinkedHashMap<>();
        documents.forEach(d -> byName.put(d.name(), d));
        this.shipped = shipped;
    }

    Resolution resolve(Document root) {
        return resolve(root, new ArrayDeque<>());
    }

    private Resolution resolve(Document document, Deque<String> stack) {
        if (document.model() == OscalSchemas.Model.CATALOG) {
            List<Entry> entries = new ArrayList<>();
            flatten(document, document.body(), null, entries, new HashSet<>());
            Set<String> all = new LinkedHashSet<>();
            entries.stream().filter(e -> !e.group()).forEach(e -> all.add(e.id()));
            Map<String, JsonNode> params = new HashMap<>();
            collectParams(document.body(), params);
            return new Resolution(entries, all, params, new HashMap<>());
        }
        stack.push(document.name());
        JsonNode profile = document.body();
        List<Entry> entries = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>();
        Map<String, JsonNode> params = new HashMap<>();
        Map<String, List<JsonNode>> added = new HashMap<>();
        Map<String, String> selectedAt = new HashMap<>();
        JsonNode imports = profile.path("imports");
        for (int i = 0; i < imports.size(); i++) {
            JsonNode anImport = imports.get(i);
            String at = document.name() + "#/profile/imports/" + i;
            Document target = locate(document, anImport.path("href").asString(""), at + "/href");
            if (stack.contains(target.name())) {
                List<String> chain = new ArrayList<>(stack);
                java.util.Collections.reverse(chain);
                chain.add(target.name());
                throw new OscalDocumentException(at + "/href", "circular-import",
                        "circular profile import: " + String.join(" -> ", chain));
            }
            Resolution source = resolve(target, stack);
            Set<String> chosen = select(source, anImport, at, selectedAt);
            for (Entry entry : source.entries()) {
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
        return new Resolution(entries, selected, params, added);
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

    private Set<String> select(Resolution source, JsonNode anImport, String at, Map<String, String> selectedAt) {
        Map<String, Entry> byId = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (Entry entry : source.entries()) {
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

    /**
     * The document an import's href points to: a back-matter resource ({@code #uuid}) whose rlinks
     * name a file, or a file name or URL directly; matched by file name (without extension, so a
     * profile that names the XML catalog finds the uploaded JSON one) among the uploads, then among
     * the documents shipped with Attest.
     */
    private Document locate(Document profile, String href, String where) {
        List<String> candidates = new ArrayList<>();
        if (href.startsWith("#")) {
            String uuid = href.substring(1);
            for (Document d : byName.values()) {
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
            for (Document d : byName.values()) {
                if (d != profile && baseName(d.name()).equals(base)) {
                    return d;
                }
            }
        }
        for (String candidate : candidates) {
            Optional<Document> found = shipped.apply(baseName(candidate));
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

    private static void flatten(Document document, JsonNode container, String parent, List<Entry> into, Set<String> seen) {
        int generated = 0;
        for (JsonNode group : container.path("groups")) {
            String id = group.path("id").asString(null);
            if (id == null) {
                id = (parent == null ? "group" : parent) + "-" + (++generated);
            }
            if (!seen.add("g:" + id)) {
                throw new OscalDocumentException(document.name(), "unique-id", "group id '" + id + "' is used twice");
            }
            into.add(new Entry(id, true, parent, group));
            flatten(document, group, id, into, seen);
        }
        for (JsonNode control : container.path("controls")) {
            String id = control.path("id").asString("");
            if (!seen.add("c:" + id)) {
                throw new OscalDocumentException(document.name(), "unique-id", "control id '" + id + "' is used twice");
            }
            into.add(new Entry(id, false, parent, control));
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

    /** The statement of a control as text: its statement part (or all prose parts), labels kept, parameters filled in. */
    static String statement(JsonNode control, Map<String, JsonNode> params, List<JsonNode> added) {
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode part : control.path("parts")) {
            if ("statement".equals(part.path("name").asString(""))) {
                render(part, params, text, 0);
                any = true;
            }
        }
        if (!any) {
            for (JsonNode part : control.path("parts")) {
                render(part, params, text, 0);
            }
        }
        for (JsonNode part : added) {
            render(part, params, text, 0);
        }
        return text.toString().strip();
    }

    private static void render(JsonNode part, Map<String, JsonNode> params, StringBuilder text, int depth) {
        String label = null;
        for (JsonNode prop : part.path("props")) {
            if ("label".equals(prop.path("name").asString(""))) {
                label = prop.path("value").asString(null);
            }
        }
        String prose = part.path("prose").asString("");
        String title = part.path("title").asString("");
        if (!prose.isBlank() || label != null || !title.isBlank()) {
            text.append("  ".repeat(depth));
            if (label != null) {
                text.append(label).append(' ');
            }
            if (!title.isBlank()) {
                text.append(title).append(prose.isBlank() ? "" : ": ");
            }
            text.append(fill(prose.strip(), params, 0)).append('\n');
        }
        for (JsonNode child : part.path("parts")) {
            render(child, params, text, depth + 1);
        }
    }

    /** Replaces each parameter insert with the parameter's value, choice or label, the way SP 800-53 prints them. */
    static String fill(String prose, Map<String, JsonNode> params, int depth) {
        if (depth > 5) {
            return prose;
        }
        Matcher m = INSERT.matcher(prose);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(paramText(params.get(m.group(1)), m.group(1), params, depth)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String paramText(JsonNode param, String id, Map<String, JsonNode> params, int depth) {
        if (param == null) {
            return "[Assignment: " + id + "]";
        }
        List<String> values = new ArrayList<>();
        param.path("values").forEach(v -> values.add(v.asString("")));
        if (!values.isEmpty()) {
            return String.join(", ", values);
        }
        JsonNode select = param.path("select");
        if (select.isObject()) {
            List<String> choices = new ArrayList<>();
            select.path("choice").forEach(c -> choices.add(fill(c.asString(""), params, depth + 1)));
            String many = "one-or-more".equals(select.path("how-many").asString("")) ? " (one or more)" : "";
            return "[Selection" + many + ": " + String.join("; ", choices) + "]";
        }
        String label = param.path("label").asString(null);
        return "[Assignment: " + (label == null ? id : label) + "]";
    }
}
