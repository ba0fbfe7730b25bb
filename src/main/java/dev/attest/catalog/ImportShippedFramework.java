package dev.attest.catalog;

import jakarta.validation.constraints.Pattern;

/**
 * Imports one of the frameworks shipped as OSCAL (NIST SP 800-53 and its baselines), mapped to the
 * control library; {@code id} defaults to the shipped framework's own.
 */
public record ImportShippedFramework(String shipped,
                                     @Pattern(regexp = ImportFramework.ID_PATTERN, message = ImportFramework.ID_RULE) String id) {

    public ImportShippedFramework {
        shipped = shipped == null ? null : shipped.strip();
        id = id == null || id.isBlank() ? null : id.strip();
    }
}
