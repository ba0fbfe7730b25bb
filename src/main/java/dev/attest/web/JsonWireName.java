package dev.attest.web;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A {@link WireName} enum that speaks its wire name in JSON too: written as it, and read back by it
 * with {@link WireName#require}, so an unknown value is refused with "must be one of ..." (a 400
 * naming the field where the module reports reading errors by field). Jackson finds both annotations
 * here through the enum, so an enum opts in by implementing this interface instead of
 * {@code WireName}.
 */
@JsonDeserialize(using = JsonWireName.Reader.class)
public interface JsonWireName extends WireName {

    @JsonValue
    @Override
    default String wireName() {
        return WireName.super.wireName();
    }

    /** Reads a text (or another scalar, as its text) as the constant of the enum being read; an object or array is the wrong shape. */
    final class Reader extends ValueDeserializer<Object> {

        private final Class<?> type;

        Reader() {
            this(null);
        }

        private Reader(Class<?> type) {
            this.type = type;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new Reader(context.getContextualType().getRawClass());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.currentToken().isScalarValue()) {
                return context.handleUnexpectedToken(type, parser);
            }
            return WireName.require((Class) type, parser.getValueAsString());
        }
    }
}
