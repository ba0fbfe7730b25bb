package dev.attest.controls.internal;

import dev.attest.catalog.Catalog;
import dev.attest.controls.ControlFilter;
import dev.attest.controls.ImplementationStatus;
import dev.attest.web.InvalidFieldException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads library filters from request parameters, refusing values that name nothing. */
@Component
class ControlQueries {

    private final Catalog catalog;

    ControlQueries(Catalog catalog) {
        this.catalog = catalog;
    }

    ControlFilter filter(String domain, String framework, String status, String owner, String query) {
        Map<String, String> errors = new LinkedHashMap<>();
        domain = blankToNull(domain);
        framework = blankToNull(framework);
        status = blankToNull(status);
        if (domain != null && catalog.domain(domain).isEmpty()) {
            errors.put("domain", "'" + domain + "' is not a domain of the catalog");
        }
        if (framework != null && catalog.framework(framework).isEmpty()) {
            errors.put("framework", "'" + framework + "' is not a framework of the catalog");
        }
        ImplementationStatus parsed = null;
        if (status != null) {
            parsed = ImplementationStatus.fromWireName(status).orElse(null);
            if (parsed == null) {
                errors.put("status", "'" + status + "' is not one of " + ImplementationStatus.allowed());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new ControlFilter(domain, framework, parsed, blankToNull(owner), blankToNull(query));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
