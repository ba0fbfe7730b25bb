package dev.attest.catalog.internal;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A control's statement as text, with its parameters filled in the way SP 800-53 prints them. */
final class OscalStatements {

    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([^\\s}]+)\\s*}}");

    private OscalStatements() {
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
