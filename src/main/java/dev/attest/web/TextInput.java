package dev.attest.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.beans.PropertyEditorSupport;
import java.util.Optional;

/**
 * Text that no field of Attest takes: a NUL character (PostgreSQL cannot store it and H2 can, so the
 * same input would fail on one database and not the other) or half of a UTF-16 surrogate pair (not a
 * character at all). Checked once for every request rather than field by field: every JSON string
 * (a Jackson module) and every request parameter and form field (a binder editor) is refused with a
 * 400 that names the field.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
public class TextInput {

    /** The message of a refused field. */
    public static final String PROBLEM = "contains a NUL character or an unpaired surrogate";

    /** The first position of a character no field takes, or -1 when the text is clean. */
    public static int badCharacterAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    @Bean
    JacksonModule textInputModule() {
        return new SimpleModule("attest-text-input").addDeserializer(String.class, new CheckedStrings());
    }

    @InitBinder
    void checkParameters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new CheckedParameter());
    }

    /** Whether a parameter failed to bind because of its text. */
    static boolean refusedParameter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && PROBLEM.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field path of a JSON body that was refused for its text, e.g. {@code contacts[0].name}, when
     * this is why the body could not be read.
     */
    static Optional<String> refusedJsonField(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException e && PROBLEM.equals(e.getOriginalMessage())) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : e.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return Optional.of(path.isEmpty() ? "body" : path.toString());
            }
        }
        return Optional.empty();
    }

    /** Jackson's own string reading, then the check. */
    private static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && badCharacterAt(value) >= 0) {
                throw DatabindException.from(p, PROBLEM);
            }
            return value;
        }
    }

    /** Request parameters, path variables and form fields bound to a String. */
    private static final class CheckedParameter extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text != null && badCharacterAt(text) >= 0) {
                throw new IllegalArgumentException(PROBLEM);
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
