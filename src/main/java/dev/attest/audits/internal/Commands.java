package dev.attest.audits.internal;

import dev.attest.web.CommandValidation;
import org.springframework.stereotype.Component;

/**
 * Checks a typed command against its Bean Validation constraints, the same for pages and the API:
 * every violated field becomes an entry of the {@code errors} map (a 400 problem, or form errors).
 * Rules over several fields stay in the use-case classes.
 */
@Component("auditCommands") // both new modules have a Commands class: bean names must differ
class Commands {

    private final CommandValidation validation;

    Commands(CommandValidation validation) {
        this.validation = validation;
    }

    <T> T valid(T command) {
        return validation.valid(command);
    }
}
