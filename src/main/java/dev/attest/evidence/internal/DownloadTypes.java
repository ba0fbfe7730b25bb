package dev.attest.evidence.internal;

import org.springframework.http.MediaType;

import java.util.Locale;
import java.util.Set;

/**
 * The media types evidence is served with. An uploader names the type, so only passive formats keep
 * theirs; HTML, SVG, XML, JavaScript and anything unknown become {@code application/octet-stream}.
 */
final class DownloadTypes {

    /** Nothing loads, nothing runs, and the document is sandboxed even if a browser renders it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

    private static final Set<String> PASSIVE = Set.of(
            "text/plain", "text/csv", "application/json", "application/pdf",
            "image/png", "image/jpeg", "image/gif", "image/webp",
            "application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

    private DownloadTypes() {
    }

    static MediaType safe(String stored) {
        try {
            MediaType type = MediaType.parseMediaType(stored == null ? "" : stored);
            String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            if (!PASSIVE.contains(base)) {
                return MediaType.APPLICATION_OCTET_STREAM;
            }
            // Keep only the charset of text: other parameters have no use in a download.
            return type.getCharset() != null && base.startsWith("text/") ? new MediaType(type.getType(), type.getSubtype(), type.getCharset())
                    : new MediaType(type.getType(), type.getSubtype());
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
