package dev.attest.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An enum that speaks its wire name in JSON: written as it, read by it, an unknown value refused with what is allowed. */
class JsonWireNameTest {

    enum Stage implements JsonWireName {
        IN_PROGRESS, DONE
    }

    record Body(Stage stage, List<Stage> earlier) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesAndReadsTheWireName() {
        String text = json.writeValueAsString(new Body(Stage.IN_PROGRESS, List.of(Stage.DONE)));

        assertThat(text).isEqualTo("{\"stage\":\"in_progress\",\"earlier\":[\"done\"]}");
        assertThat(json.writeValueAsString(Map.of(Stage.DONE, 1))).isEqualTo("{\"done\":1}");
        assertThat(json.readValue(text, Body.class)).isEqualTo(new Body(Stage.IN_PROGRESS, List.of(Stage.DONE)));
        assertThat(json.readValue("{\"stage\":null}", Body.class)).isEqualTo(new Body(null, null));
    }

    @Test
    void anUnknownValueIsRefusedWithTheAllowedSpellings() {
        for (String value : new String[]{"\"IN_PROGRESS\"", "\"finished\"", "1", "\"\""}) {
            assertThatThrownBy(() -> json.readValue("{\"stage\":" + value + "}", Body.class))
                    .isInstanceOf(DatabindException.class)
                    .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessage("must be one of in_progress, done");
        }
        assertThatThrownBy(() -> json.readValue("{\"stage\":{\"a\":1}}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
