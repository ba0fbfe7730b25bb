package dev.attest.audits.internal;

import dev.attest.web.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a typed command against its Bean Validation constraints, the same for pages and the API:
 * every violated field becomes an entry of the {@code errors} map (a 400 problem, or form errors).
 * Rules over several fields stay in the use-case classes.
 */
@Component
class Commands {

    private final Validator validator;

    Commands(Validator validator) {
        this.validator = validator;
    }

    <T> T valid(T command) {
        if (command == null) {
            throw new InvalidFieldException("body", "is required");
        }
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<T> violation : validator.validate(command)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return command;
    }
}
