package dev.attest.monitoring.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials a connection form carries, read by the fields its kind describes: {@code secrets.<name>}
 * typed or pasted, and for key files {@code secrets.<name>.file} uploaded, the upload winning.
 *
 * @param secrets   the values given, by secret name
 * @param shownBack what a refused form may show again: plain text fields only, never a password or a key
 */
record ConnectionForm(Map<String, String> secrets, Map<String, String> shownBack) {

    static ConnectionForm read(HttpServletRequest request, List<CredentialField> fields) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> shownBack = new LinkedHashMap<>();
        for (CredentialField field : fields) {
            String value = request.getParameter("secrets." + field.name());
            if (field.input().isFile() && request instanceof MultipartRequest multipart) {
                MultipartFile file = multipart.getFile("secrets." + field.name() + ".file");
                if (file != null && !file.isEmpty()) {
                    // read one byte past the limit so that an oversized file is refused by the field's check, not truncated
                    byte[] bytes = file.getInputStream().readNBytes(CredentialField.MAX_LENGTH + 1);
                    value = new String(bytes, StandardCharsets.UTF_8);
                }
            }
            if (value == null || value.isBlank()) {
                continue;
            }
            boolean plain = field.input() == CredentialField.Input.TEXT;
            secrets.put(field.name(), plain ? value.strip() : value);
            if (plain) {
                shownBack.put("secrets." + field.name(), value.strip());
            }
        }
        return new ConnectionForm(secrets, shownBack);
    }
}
