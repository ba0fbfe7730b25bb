package dev.attest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
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
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Text that no field of Attest takes: a NUL character (PostgreSQL cannot store it and H2 can, so the
 * same input would fail on one database and not the other) or half of a UTF-16 surrogate pair (not a
 * character at all). Checked once for every request rather than field by field: every JSON string
 * (a Jackson module), every request parameter and form field (a binder editor), every text body read
 * whole (CSV and other imports: field {@code file}, naming the line and column) and every part of a
 * multipart form (its fields, file names and content types: an interceptor) is refused with a 400 that
 * names the field.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
public class TextInput extends RequestBodyAdviceAdapter implements WebMvcConfigurer {

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

    /**
     * Where in a text (a CSV file, a JSON list) the first bad character is, as the imports name a cell:
     * {@code line L, column C: ...}; null when the text is clean.
     */
    public static String badCharacterLocation(String text) {
        int at = badCharacterAt(text);
        if (at < 0) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (at - lineStart + 1) + ": " + PROBLEM;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == String.class;
    }

    /** A text body (an import's CSV or JSON file sent whole) is refused before any module parses it. */
    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof String text) {
            String location = badCharacterLocation(text);
            if (location != null) {
                throw new InvalidFieldException("file", location);
            }
        }
        return body;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new MultipartCheck());
    }

    /**
     * Multipart forms: every field, and each file's name and content type, which modules store as text
     * (the file's bytes are evidence and are kept as sent). Also covers parameters a handler reads from
     * the request itself rather than through binding.
     */
    private static final class MultipartCheck implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws java.io.IOException {
            if (!(request instanceof MultipartHttpServletRequest multipart)) {
                return true;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            multipart.getParameterMap().forEach((name, values) -> {
                for (String value : values) {
                    if (value != null && badCharacterAt(value) >= 0) {
                        errors.put(name, PROBLEM);
                    }
                }
            });
            multipart.getMultiFileMap().forEach((name, files) -> {
                for (MultipartFile file : files) {
                    if (file.getOriginalFilename() != null && badCharacterAt(file.getOriginalFilename()) >= 0) {
                        errors.put(name, "its file name " + PROBLEM);
                    } else if (file.getContentType() != null && badCharacterAt(file.getContentType()) >= 0) {
                        errors.put(name, "its content type " + PROBLEM);
                    }
                }
            });
            if (errors.isEmpty()) {
                return true;
            }
            // answered here, the same for pages and the API: no page advice turns a refused field into a 400
            ProblemDetail problem = ApiProblems.invalid(errors);
            ObjectNode body = PROBLEM_JSON.createObjectNode();
            body.put("type", String.valueOf(problem.getType()));
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            body.set("errors", PROBLEM_JSON.valueToTree(problem.getProperties().get("errors")));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(PROBLEM_JSON.writeValueAsString(body));
            return false;
        }
    }

    private static final JsonMapper PROBLEM_JSON = JsonMapper.builder().build();

    /**
     * The servlet container refuses to parse a multipart body whose file name holds a NUL before any
     * handler is chosen; without this, that would be a 500.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unparsableMultipart(MultipartException e) throws MultipartException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException) {
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ApiProblems.invalid(Map.of("file", "its file name " + PROBLEM)));
            }
        }
        throw e;
    }

    @Bean
    JacksonModule textInputModule() {
        return module();
    }

    /** The check as a Jackson module, for a module's own mapper that reads outside text (an import's JSON file). */
    public static JacksonModule module() {
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
