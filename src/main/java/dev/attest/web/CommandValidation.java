package dev.attest.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a typed command against its Bean Validation constraints for any module: each violated field
 * becomes an entry of an {@link InvalidFieldException} (a 400 problem on the API, form errors on a
 * page), the first message per field. Rules over several fields stay with the caller.
 */
@Component
@RequiredArgsConstructor
public class CommandValidation {

    private final Validator validator;

    /** The command itself when it is valid. */
    public <T> T valid(T command) {
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
