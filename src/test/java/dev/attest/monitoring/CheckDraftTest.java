package dev.attest.monitoring;

import dev.attest.web.Submission;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A check draft's constraints, with the words the editor and the API have always shown. */
class CheckDraftTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Map<String, String> problems(CheckDraft draft) {
        return Submission.fieldErrors(VALIDATOR.validate(draft));
    }

    @Test
    void aWellFormedDraftIsTidiedAndPasses() {
        CheckDraft draft = new CheckDraft(" tls-modern ", "TLS is modern", " tls.endpoint ", " high ", List.of(" EN-03", "", "EN-03 "),
                null, "resource.tls13");
        assertThat(problems(draft)).isEmpty();
        assertThat(draft.key()).isEqualTo("tls-modern");
        assertThat(draft.resourceType()).isEqualTo("tls.endpoint");
        assertThat(draft.severity()).isEqualTo("high");
        assertThat(draft.controls()).containsExactly("EN-03");
    }

    @Test
    void everyBadFieldIsNamedWithItsMessage() {
        CheckDraft draft = new CheckDraft("Not A Key", " ", "postgres", "urgent", List.of(" "), "d".repeat(4001), null);
        assertThat(problems(draft)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "key", "use lower-case words joined by hyphens, at most 100 characters, e.g. tls-modern-protocols",
                "title", "say what the check proves",
                "resourceType", "a dotted resource type such as postgres.server",
                "severity", "one of " + Severity.allowed(),
                "controls", "name at least one control the check proves",
                "description", "at most 4000 characters",
                "expression", "write a CEL expression that is true when a resource passes"));
    }

    @Test
    void lengthsAreBounded() {
        CheckDraft draft = new CheckDraft("a".repeat(101), "t".repeat(301), "a." + "b".repeat(99), "low", List.of("EN-03"), null,
                "x".repeat(8001));
        assertThat(problems(draft)).containsOnlyKeys("key", "title", "resourceType", "expression")
                .containsEntry("title", "at most 300 characters")
                .containsEntry("expression", "at most 8000 characters");
    }

    @Test
    void theSeverityMessageNamesEverySeverity() {
        for (Severity severity : Severity.values()) {
            assertThat(problems(new CheckDraft("k", "t", "a.b", severity.wireName(), List.of("EN-03"), null, "true"))).isEmpty();
        }
        assertThat(CheckDraft.SEVERITY_RULE).isEqualTo("one of " + Severity.allowed());
    }
}
