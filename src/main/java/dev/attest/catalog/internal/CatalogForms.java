package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ImportFramework;
import dev.attest.catalog.ImportShippedFramework;
import dev.attest.catalog.MapRequirement;
import dev.attest.catalog.OscalUpload;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what the catalog's pages and API send into the module's typed commands: the same
 * conversions and messages for both, every bad field named at once under the request's own names
 * ({@code id}, {@code file}, {@code controls}, {@code noControlReason}).
 */
@Component
@RequiredArgsConstructor
class CatalogForms {

    private final Validator validator;
    private final Clock clock;
    private final Catalog catalog;

    private Submission submission() {
        return new Submission(validator, clock);
    }

    /** The uploaded OSCAL documents (the repeated {@code file} part), with the new framework's id and name. */
    ImportFramework importing(String id, String name, List<MultipartFile> files) throws IOException {
        List<OscalUpload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            uploads.add(new OscalUpload(file.getOriginalFilename(), file.getBytes()));
        }
        return submission().valid(new ImportFramework(id, name, uploads));
    }

    /** The shipped framework to import, and the id to import it under (its own when blank). */
    ImportShippedFramework shipped(ImportShippedFramework request) {
        if (request == null) {
            throw new InvalidFieldException("body", "is required");
        }
        return submission().valid(request);
    }

    /** From the page: a comma- or space-separated list of control keys, in any case, and the reason for none. */
    MapRequirement mapping(String controls, String noControlReason) {
        List<String> keys = new ArrayList<>();
        for (String key : (controls == null ? "" : controls).split("[,\\s]+")) {
            if (!key.isBlank()) {
                keys.add(key.strip().toUpperCase(Locale.ROOT));
            }
        }
        return mapping(new MapRequirement(keys, noControlReason));
    }

    /** The mapping checked against its constraints, then against the library: keys it lacks, a reason beside controls. */
    MapRequirement mapping(MapRequirement request) {
        if (request == null) {
            throw new InvalidFieldException("body", "is required");
        }
        Map<String, String> errors = Submission.fieldErrors(validator.validate(request));
        if (errors.isEmpty()) {
            errors.putAll(request.problems(catalog));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return request;
    }
}
