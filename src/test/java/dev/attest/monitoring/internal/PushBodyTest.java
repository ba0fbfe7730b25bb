package dev.attest.monitoring.internal;

import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push body read in one pass gives each document the very text (and so the content hash) that
 * reading it as maps and writing it back gives: the text stored before, so that a push of unchanged
 * resources stays unchanged across the two readings.
 */
class PushBodyTest {

    private static PushBody read(String json) {
        return Documents.JSON.readValue(json, PushBody.class);
    }

    @Test
    void eachDocumentIsTheTextAMapRoundTripGives() {
        Random random = new Random(20261207);
        for (int round = 0; round < 2000; round++) {
            List<String> documents = new ArrayList<>();
            StringBuilder body = new StringBuilder("{\"source\": \"s\", \"resources\": [");
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String document = object(random, 0);
                documents.add(document);
                body.append(i == 0 ? "" : ",").append("{\"type\": \"t\", \"id\": \"r").append(i).append("\", \"data\": ").append(document).append('}');
            }
            body.append("], \"complete\": true}");
            PushBody push = read(body.toString());

            assertThat(push.problem()).isNull();
            assertThat(push.resources()).hasSize(count);
            for (int i = 0; i < count; i++) {
                String expected = Documents.write(Documents.read(documents.get(i)));
                assertThat(push.resources().get(i).json()).as(documents.get(i)).isEqualTo(expected);
            }
            assertThat(push.complete()).isEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void idsAreTextAsTheMapReadingGaveThem() {
        PushBody push = read("""
                {"resources": [{"type": "t", "id": 42, "data": {}}, {"type": "t", "id": 1.5, "data": {}},
                               {"type": "t", "id": 12345678901234567890123, "data": {}}, {"type": "t", "id": true, "data": {}},
                               {"type": "t", "id": {"a": 1}, "data": {}}, {"data": {}, "id": "x", "extra": [1, {"b": "c"}]}]}""");
        assertThat(push.resources()).extracting(PushBody.Pushed::id)
                .containsExactly("42", "1.5", "12345678901234567890123", "true", null, "x");
        assertThat(push.resources().get(5).type()).isNull();
        // an integer beyond 64 bits is kept as sent (CEL reads it; the map reading refuses it)
        assertThat(read("{\"resources\": [{\"type\": \"t\", \"id\": \"a\", \"data\": {\"n\": 123456789012345678901234567890}}]}")
                .resources().get(0).json()).isEqualTo("{\"n\":123456789012345678901234567890}");
        assertThat(push.problem()).isNull();
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheField() {
        assertThat(problem("{\"resources\": {}}")).containsEntry("resources", "a list of {type, id, data}");
        assertThat(problem("{\"source\": \"x\"}")).containsEntry("resources", "a list of {type, id, data}");
        assertThat(problem("{\"resources\": [{\"type\": \"t\", \"id\": \"a\", \"data\": {}}, 3]}"))
                .containsEntry("resources[1]", "an object with type, id and data");
        assertThat(problem("{\"resources\": [{\"type\": \"t\", \"id\": \"a\", \"data\": [1]}]}"))
                .containsEntry("resources[0].data", "an object (the resource's JSON document)");
        assertThat(problem("{\"resources\": [{\"type\": \"t\", \"id\": \"a\"}]}"))
                .containsEntry("resources[0].data", "an object (the resource's JSON document)");
        assertThat(problem("{\"resources\": [], \"complete\": \"yes\"}")).containsEntry("complete", "true or false");
    }

    @Test
    void aNulOrAHalfSurrogateAnywhereIsRefusedAtItsField() {
        assertThat(problem("{\"resources\": [{\"type\": \"t\", \"id\": \"a\", \"data\": {\"tags\": [\"ok\", \"b\\u0000d\"]}}]}"))
                .containsOnlyKeys("resources[0].data.tags[1]");
        assertThat(problem("{\"resources\": [{\"type\": \"t\", \"id\": \"a\", \"data\": {\"k\\ud800\": 1}}]}"))
                .containsOnlyKeys("resources[0].data.k\ud800");
        assertThat(problem("{\"resources\": [{\"type\": \"t\", \"id\": \"a\\u0000\", \"data\": {}}]}")).containsOnlyKeys("resources[0].id");
        assertThat(problem("{\"source\": \"\\udc00\", \"resources\": []}")).containsOnlyKeys("source");
        assertThat(problem("{\"resources\": [], \"other\": {\"deep\": [\"\\u0000\"]}}")).containsOnlyKeys("other.deep[0]");
        // a whole pair is a character
        assertThat(read("{\"resources\": [{\"type\": \"t\", \"id\": \"a\", \"data\": {\"rocket\": \"\\ud83d\\ude80\"}}]}").problem()).isNull();
    }

    private static java.util.Map<String, String> problem(String json) {
        try {
            read(json).refuseIfWrong();
        } catch (InvalidFieldException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + json);
    }

    private static final String[] NAMES = {"a", "b", "enabled", "name", "tags", "x", "é", "with space", "q\"uote", "tab\t"};

    private static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            // now and then a key given twice: the map keeps its first place and its last value
            String name = NAMES[random.nextInt(NAMES.length)];
            out.append(i == 0 ? "" : ", ").append(string(name)).append(": ").append(value(random, depth + 1));
        }
        return out.append('}').toString();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 8 : 10)) {
            case 0 -> Long.toString(random.nextInt(2000) - 1000);
            case 1 -> Long.toString(random.nextLong());
            case 2 -> new String[]{"1.5", "-0.0", "1e10", "2.5E-7", "100.0", "3.141592653589793", "1E2", "0"}[random.nextInt(8)];
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5, 6, 7 -> string(new String[]{"", "plain", "line\nbreak", "slash/\\back", "unicode \u00e9\u4e2d", "\\u00e9 escaped", "\ud83d\ude80"}[random.nextInt(7)]);
            case 8 -> object(random, depth);
            default -> {
                StringBuilder list = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.append(i == 0 ? "" : ",").append(value(random, depth + 1));
                }
                yield list.append(']').toString();
            }
        };
    }

    private static String string(String text) {
        // "\\u00e9 escaped" is sent as a JSON escape; everything else is escaped as JSON needs
        if (text.startsWith("\\u")) {
            return "\"" + text + "\"";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
