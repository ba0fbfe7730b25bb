package dev.attest.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core (from its WebJar on the test classpath) in the page the browser shows, with the WCAG 2.1
 * A and AA rules, and reports the serious and critical violations. The script is injected through
 * WebDriver, which the page's Content Security Policy does not govern, so the CSP stays as it is.
 */
public final class Axe {

    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String source;

    private Axe() {
    }

    /** One rule an element breaks: the rule, its impact, and the offending elements' selectors. */
    public record Violation(String page, String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + " at " + targets;
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test classpath: " + SCRIPT);
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return source;
    }

    /** The serious and critical WCAG 2.1 A/AA violations on the page the browser shows now. */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousViolations(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source());
        Object result = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                        + " resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })); })"
                        + ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]); });");
        List<Violation> found = new ArrayList<>();
        for (Object o : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) o;
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                found.add(new Violation(page, (String) v.get("id"), impact, (String) v.get("help"), (List<String>) v.get("targets")));
            }
        }
        return found;
    }
}
