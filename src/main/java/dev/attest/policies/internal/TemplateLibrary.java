package dev.attest.policies.internal;

import dev.attest.policies.PolicyTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped templates under {@code policies/templates/*.md}: a small front matter (title and
 * controls) followed by the Markdown body with {@code {{placeholders}}}. A body may hold
 * framework sections, each between a line {@code {{#framework pci-dss}}} and a line
 * {@code {{/framework}}}: a policy created from the template keeps such a section only when the
 * workspace pursues that framework, so that, say, PCI DSS's 90-day password change appears only
 * where PCI DSS applies.
 */
@Component
public class TemplateLibrary {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R(.*)\\z", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private static final Pattern SECTION_START = Pattern.compile("\\{\\{#framework ([a-z0-9-]+)}}");
    private static final String SECTION_END = "{{/framework}}";

    private final List<PolicyTemplate> templates;

    TemplateLibrary() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:policies/templates/*.md");
            List<PolicyTemplate> loaded = new ArrayList<>();
            for (Resource file : files) {
                String name = file.getFilename();
                loaded.add(parse(name.substring(0, name.length() - 3), file.getContentAsString(StandardCharsets.UTF_8)));
            }
            loaded.sort(Comparator.comparing(PolicyTemplate::title));
            this.templates = List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy templates", e);
        }
    }

    static PolicyTemplate parse(String key, String text) {
        Matcher m = FRONT_MATTER.matcher(text.replace("\r\n", "\n"));
        if (!m.matches()) {
            throw new IllegalStateException("Policy template " + key + " has no front matter");
        }
        String title = null;
        List<String> controls = List.of();
        for (String line : m.group(1).split("\n")) {
            if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.startsWith("controls:")) {
                String list = line.substring(9).strip().replace("[", "").replace("]", "");
                controls = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
        }
        String body = m.group(2).strip() + "\n";
        frameworkSections(key, body);
        return new PolicyTemplate(key, title, controls, body);
    }

    /**
     * The framework ids the body has sections for, in order of appearance. A section that is not
     * closed, is nested, or a stray end line stops start-up: a half-applied condition would put
     * a framework's rules into every policy, or drop them silently.
     */
    public static List<String> frameworkSections(String key, String body) {
        List<String> frameworks = new ArrayList<>();
        String open = null;
        int lineNumber = 0;
        for (String line : body.split("\n", -1)) {
            lineNumber++;
            Matcher start = SECTION_START.matcher(line.strip());
            if (start.matches()) {
                if (open != null) {
                    throw new IllegalStateException("Policy template " + key + " line " + lineNumber
                            + ": framework section inside the " + open + " section");
                }
                open = start.group(1);
                if (!frameworks.contains(open)) {
                    frameworks.add(open);
                }
            } else if (line.strip().equals(SECTION_END)) {
                if (open == null) {
                    throw new IllegalStateException("Policy template " + key + " line " + lineNumber + ": " + SECTION_END
                            + " without a section to close");
                }
                open = null;
            }
        }
        if (open != null) {
            throw new IllegalStateException("Policy template " + key + ": the " + open + " section is not closed");
        }
        return frameworks;
    }

    /** The body with the sections of the given frameworks kept (without their marker lines) and the others removed. */
    public static String forFrameworks(String body, java.util.Set<String> frameworks) {
        StringBuilder out = new StringBuilder();
        String open = null;
        for (String line : body.split("\n", -1)) {
            Matcher start = SECTION_START.matcher(line.strip());
            if (start.matches()) {
                open = start.group(1);
            } else if (open != null && line.strip().equals(SECTION_END)) {
                open = null;
            } else if (open == null || frameworks.contains(open)) {
                out.append(line).append('\n');
            }
        }
        // Removing a section can leave blank lines on both sides of it: keep one.
        return out.substring(0, Math.max(0, out.length() - 1)).replaceAll("\n{3,}", "\n\n");
    }

    public List<PolicyTemplate> templates() {
        return templates;
    }

    public Optional<PolicyTemplate> template(String key) {
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /**
     * The text with every known placeholder replaced; unknown ones are left visible so that they get noticed.
     * A value that opens a sentence (a line, a list item, a table cell or after a full stop) gets a capital,
     * so that the default "the Company" reads "The Company gives ..." there.
     */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value != null && opensSentence(text, m.start())) {
                value = capitalised(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    // A line's opening (after list, quote or heading marks), a table cell's opening, or after a sentence's end.
    private static final Pattern LINE_OPENING = Pattern.compile("[ \\t]*(?:[-*+>#]+[ \\t]*|\\d+\\.[ \\t]+)?");
    private static final Pattern AFTER_SENTENCE = Pattern.compile("(?s).*(?:[.!?][\"')]?|\\|)[ \\t]+");

    private static boolean opensSentence(String text, int at) {
        String line = text.substring(text.lastIndexOf('\n', at - 1) + 1, at);
        return LINE_OPENING.matcher(line).matches() || AFTER_SENTENCE.matcher(line).matches();
    }

    private static String capitalised(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + value.substring(1);
    }

    /** The placeholder names used in a text. */
    public static List<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).distinct().toList();
    }
}
