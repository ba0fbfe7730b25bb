package dev.attest.accessreviews.internal;

import dev.attest.web.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a typed command against its Bean Validation constraints and turns the violations into the
 * field errors the API and the pages already show (the first message per field).
 */
@Component
@RequiredArgsConstructor
class CommandChecks {

    private final Validator validator;

    /** The command's field errors; empty when it is valid. Rules over several fields are added by the caller. */
    Map<String, String> violations(Object command) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }
}
