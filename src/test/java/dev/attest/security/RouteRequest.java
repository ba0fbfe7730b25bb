package dev.attest.security;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A request a route's handler can bind, read from its method signature: the body kind its
 * {@code @RequestBody} or file parameters want, in the content type the route consumes, and a value of
 * the right type for each required request parameter. Method security runs only once the arguments
 * are bound, so a request that cannot be bound says nothing about authorization.
 */
final class RouteRequest {

    private static final String BOUNDARY = "route-test-boundary";
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<String, String> parameters;
    private final List<String> files;
    private final Class<?> bodyType;
    private final Set<MediaType> consumes;

    private RouteRequest(Map<String, String> parameters, List<String> files, Class<?> bodyType, Set<MediaType> consumes) {
        this.parameters = parameters;
        this.files = files;
        this.bodyType = bodyType;
        this.consumes = consumes;
    }

    static RouteRequest of(Map.Entry<RequestMappingInfo, HandlerMethod> handler) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        Class<?> bodyType = null;
        for (MethodParameter parameter : handler.getValue().getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                bodyType = type;
            } else if (MultipartFile.class.isAssignableFrom(type) || part != null || isFileList(parameter)) {
                files.add(name(param != null ? param.name() : part != null ? part.name() : "", parameter));
            } else if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
                    && !Map.class.isAssignableFrom(type) && type != java.util.Optional.class) {
                parameters.put(name(param.name(), parameter), sample(type));
            }
        }
        return new RouteRequest(parameters, files, bodyType, handler.getKey().getConsumesCondition().getConsumableMediaTypes());
    }

    private static boolean isFileList(MethodParameter parameter) {
        return Collection.class.isAssignableFrom(parameter.getParameterType())
                && parameter.getGenericParameterType().getTypeName().contains(MultipartFile.class.getName());
    }

    private static String name(String declared, MethodParameter parameter) {
        return declared != null && !declared.isEmpty() ? declared : parameter.getParameterName();
    }

    /** A value the parameter's type converts from. */
    private static String sample(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == double.class || type == Double.class) {
            return "1";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == java.time.LocalDate.class) {
            return "2026-01-01";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "2026-01-01T00:00:00Z";
        }
        if (type == java.time.YearMonth.class) {
            return "2026-01";
        }
        return "x-route-test";
    }

    boolean hasBody() {
        return bodyType != null || multipart();
    }

    boolean multipart() {
        return !files.isEmpty() || consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::isCompatibleWith);
    }

    private boolean json() {
        return consumes.isEmpty() || consumes.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON)
                || t.getSubtype().endsWith("+json"));
    }

    String contentType() {
        if (multipart()) {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }
        if (json()) {
            return consumes.stream().filter(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON)).findFirst()
                    .or(() -> consumes.stream().findFirst()).map(MediaType::toString).orElse("application/json");
        }
        return consumes.iterator().next().toString();
    }

    /** The query string: required parameters, unless a page form carries them. */
    String query(boolean inForm) {
        if (inForm || parameters.isEmpty() || multipart()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(enc(k)).append('=').append(enc(v)));
        return query.toString();
    }

    /** The required parameters as {@code &name=value} pairs after a form's CSRF field. */
    String formFields() {
        StringBuilder form = new StringBuilder();
        parameters.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
        return form.toString();
    }

    /** The body for this route: multipart with its fields and small files, JSON of the body's shape, or a line of text. */
    byte[] body(String csrf) {
        if (multipart()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> fields = new LinkedHashMap<>(parameters);
            if (csrf != null) {
                fields.put("_csrf", csrf);
            }
            fields.forEach((k, v) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            for (String file : files) {
                out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file + "\"; filename=\"route-test.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\nroute test\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        if (!json()) {
            return "x-route-test\n".getBytes(StandardCharsets.UTF_8);
        }
        boolean list = bodyType != null && (Collection.class.isAssignableFrom(bodyType) || bodyType.isArray());
        return (list ? "[]" : "{}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether a 400 says the request never reached the handler: a body that does not parse, a missing
     * parameter or part, a value of the wrong type, or a content type the route does not take.
     */
    static boolean unbound(String body) {
        return body.contains("malformed-body") || body.contains("Required parameter") || body.contains("Required part")
                || body.contains("Required request") || body.contains("has the wrong format") || body.contains("Content-Type")
                || body.contains("Invalid request content");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
