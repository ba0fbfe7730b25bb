package dev.attest.people.internal;

import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.Submission;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every failure of the SCIM API as an RFC 7644 error: schemas, status (a string), scimType and detail. */
@RestControllerAdvice(assignableTypes = {ScimUsersApi.class, ScimGroupsApi.class, ScimDiscoveryApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    static Map<String, Object> body(HttpStatus status, String scimType, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(ERROR_SCHEMA));
        body.put("status", String.valueOf(status.value()));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(SCIM_JSON).body(body(status, scimType, detail));
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<Map<String, Object>> scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidFieldException e) {
        boolean duplicate = e.errors().values().stream().anyMatch(m -> m.contains("already in the roster"));
        return duplicate ? error(HttpStatus.CONFLICT, "uniqueness", "userName is already in use")
                : error(HttpStatus.BAD_REQUEST, "invalidValue", e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> violated(ConstraintViolationException e) {
        return invalid(new InvalidFieldException(Submission.fieldErrors(e.getConstraintViolations())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, null, "Resource not found");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "invalidSyntax", "The request is not valid SCIM JSON");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(Exception e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "Send application/scim+json or application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected SCIM error {}", id, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, null, "Something went wrong on our side; error id " + id);
    }
}
