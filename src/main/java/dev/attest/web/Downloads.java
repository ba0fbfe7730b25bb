package dev.attest.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A file the browser saves rather than shows: the answer names its type and its file name. */
public final class Downloads {

    /** CSV in UTF-8, as every CSV export is written. */
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Downloads() {
    }

    /** A 200 answer saved as the file name given; add the body (and any further header). */
    public static ResponseEntity.BodyBuilder attachment(MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
