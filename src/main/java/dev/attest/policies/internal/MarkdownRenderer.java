package dev.attest.policies.internal;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Markdown to safe HTML: commonmark renders (raw HTML escaped), then the OWASP sanitizer keeps only
 * formatting, blocks, tables and http(s)/mailto links, so a policy can never carry a script.
 */
@Component
public class MarkdownRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    private final PolicyFactory sanitizer = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "thead", "tbody").toFactory());

    public String html(String markdown) {
        return sanitizer.sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
    }
}
