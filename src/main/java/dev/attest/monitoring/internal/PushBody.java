package dev.attest.monitoring.internal;

import dev.attest.web.InvalidFieldException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.util.List;

/**
 * The body of {@code POST /api/v1/resources}, read in one pass: each resource's {@code data} is copied
 * from the request straight to the compact JSON text Attest stores and hashes, without building the
 * document as maps and writing it back. The text is the same as that round trip gives (integers as
 * 64-bit, other numbers as doubles, a key given twice counting once, its last value). What is wrong
 * with the body's shape, or a NUL or unpaired surrogate anywhere in it, is kept as the problem to
 * answer with, naming the field as the request has it ({@code resources[3].data.owner}).
 *
 * @param resources the resources in the order sent; {@code json} is null where {@code data} is not an object
 * @param source    the {@code source} field when it is text
 * @param complete  the {@code complete} field: {@code Boolean}, or whatever else was sent there
 * @param problem   the first thing wrong with the body's shape or text, or null
 */
@JsonDeserialize(using = PushBody.Reader.class)
record PushBody(List<Pushed> resources, String source, Object complete, InvalidFieldException problem) {

    /** One resource as sent: its id as text (a number is written as JSON reads it), its data as stored text. */
    record Pushed(String type, String id, String json) {
    }

    /** The problem with the body, if any, as the 400 the push answers. */
    void refuseIfWrong() {
        if (problem != null) {
            throw problem;
        }
        if (resources == null) {
            throw new InvalidFieldException("resources", "a list of {type, id, data}");
        }
        if (complete != null && !(complete instanceof Boolean)) {
            throw new InvalidFieldException("complete", "true or false");
        }
    }

    static final class Reader extends ValueDeserializer<PushBody> {

        @Override
        public PushBody deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (!p.isExpectedStartObjectToken()) {
                return ctxt.reportInputMismatch(PushBody.class, "the body is a JSON object: {resources: [{type, id, data}], source, complete}");
            }
            PushCopier copier = new PushCopier();
            List<Pushed> resources = null;
            String source = null;
            Object complete = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "resources" -> {
                        if (value == JsonToken.START_ARRAY) {
                            resources = copier.resources(p);
                        } else {
                            copier.problem("resources", "a list of {type, id, data}");
                            resources = null;
                            copier.skip(p);
                        }
                    }
                    case "source" -> {
                        source = value == JsonToken.VALUE_STRING ? copier.text(p) : null;
                        if (value != JsonToken.VALUE_STRING) {
                            copier.skip(p);
                        }
                    }
                    case "complete" -> {
                        complete = switch (value) {
                            case VALUE_TRUE -> Boolean.TRUE;
                            case VALUE_FALSE -> Boolean.FALSE;
                            case VALUE_NULL -> null;
                            default -> "not a boolean";
                        };
                        copier.skip(p);
                    }
                    default -> copier.skip(p);
                }
            }
            return new PushBody(resources, source, complete, copier.firstProblem());
        }
    }
}
