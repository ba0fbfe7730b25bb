package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.vendors.VendorDetails;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a vendor as sent (the page's form or the API's body, both a {@link VendorForm}) into checked
 * {@link VendorDetails}: codes and dates converted, the record's constraints and the register's rules applied, and
 * every bad field named in one answer under the request's field names.
 */
@Component
@RequiredArgsConstructor
class VendorForms {

    private final Validator validator;
    private final VendorRules rules;

    /** The details of a new vendor ({@code id} null) or of vendor {@code id}, or every problem at once. */
    VendorDetails details(WorkspaceId workspace, UUID id, VendorForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        VendorDetails typed = form.convert(errors);
        VendorDetails clean = rules.check(workspace, id == null ? new UUID(0, 0) : id, typed, errors);
        Submission.fieldErrors(validator.validate(typed)).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return clean;
    }
}
