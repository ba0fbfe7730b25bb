package dev.attest.catalog;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * Imports a framework from uploaded OSCAL documents: one catalog, or profiles with the catalogs they
 * import. {@code file} holds the documents under the name of the form's repeated file part.
 *
 * @param id   the new framework's id
 * @param name its name (cut to 300 characters); blank takes the title of the document
 */
public record ImportFramework(@NotNull(message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String id,
                              String name,
                              @NotEmpty(message = "upload an OSCAL catalog, or a profile with the catalog it imports") List<OscalUpload> file) {

    /** An imported framework's id. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,31}";
    public static final String ID_RULE = "2 to 32 lower-case letters, digits and hyphens, e.g. nist-800-53-moderate";

    public ImportFramework {
        name = name == null || name.isBlank() ? null : name.strip();
        file = file == null ? List.of() : List.copyOf(file);
    }
}
