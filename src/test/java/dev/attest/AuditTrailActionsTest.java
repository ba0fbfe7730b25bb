package dev.attest;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a module publishes says what the audit trail records it under, and those names do not
 * change: {@code audit-trail-actions.txt} lists each record with its action name.
 */
class AuditTrailActionsTest {

    /** What the contract says of a name the record builds from its facts ({@code setup.{state}}). */
    private static final String BUILT = "built by the record";

    @Test
    void everyEventRecordKeepsItsActionName() throws IOException {
        Map<String, String> published = new TreeMap<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(WorkspaceEvent.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.attest")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            if (!type.isRecord() || !inModuleRoot(type)) {
                continue; // events are a module's published API; a test's own event records sit in internal packages
            }
            String key = type.getName().substring("dev.attest.".length());
            if (declaresAction(type)) {
                assertThat(type.getAnnotation(RecordedAs.class)).as("%s builds its own action name", type.getName()).isNull();
                published.put(key, BUILT);
                continue;
            }
            RecordedAs name = type.getAnnotation(RecordedAs.class);
            assertThat(name).as("%s says what the audit trail records it under (@RecordedAs)", type.getName()).isNotNull();
            assertThat(name.value()).as(type.getName()).matches("[a-z]+\\.[a-z]+(-[a-z]+)*");
            assertThat(name.value()).as("%s is named for its module", type.getName())
                    .startsWith(type.getPackageName().substring("dev.attest.".length()) + ".");
            published.put(key, name.value());
        }

        Map<String, String> contract = new TreeMap<>();
        new ClassPathResource("audit-trail-actions.txt").getContentAsString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> {
                    String action = line.substring(line.indexOf(' ') + 1);
                    contract.put(line.substring(0, line.indexOf(' ')), action.contains("{") ? BUILT : action);
                });
        assertThat(published).isEqualTo(contract);
    }

    private static boolean inModuleRoot(Class<?> type) {
        return type.getPackageName().chars().filter(c -> c == '.').count() == 2;
    }

    private static boolean declaresAction(Class<?> type) {
        try {
            type.getDeclaredMethod("action");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
