package dev.attest.monitoring.internal.collectors;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HSTS of an HTTPS endpoint: one {@code HEAD /} over a handshake that accepts any chain, and its Strict-Transport-Security header. */
final class HstsProbe {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);

    private HstsProbe() {
    }

    static void put(TlsCollector.Endpoint endpoint, Map<String, Object> data) {
        try (SSLSocket socket = TlsSockets.open(endpoint, null)) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD / HTTP/1.1\r\nHost: " + endpoint.host() + "\r\nUser-Agent: attest-collector\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String headers = readHeaders(socket.getInputStream());
            Long maxAge = null;
            boolean present = false;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("strict-transport-security")) {
                    present = true;
                    Matcher m = MAX_AGE.matcher(line);
                    if (m.find()) {
                        maxAge = Long.parseLong(m.group(1));
                    }
                }
            }
            data.put("hsts", present && maxAge != null && maxAge > 0);
            data.put("hstsMaxAge", maxAge == null ? 0L : maxAge);
            data.put("httpStatus", headers.startsWith("HTTP/") && headers.length() >= 12 ? headers.substring(9, 12) : "none");
        } catch (IOException e) {
            data.put("hsts", false);
            data.put("hstsMaxAge", 0L);
            data.put("httpStatus", "none");
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && buffer.size() < 64 * 1024) {
            buffer.write(b);
            if (buffer.size() >= 4) {
                byte[] bytes = buffer.toByteArray();
                int n = bytes.length;
                if (bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    break;
                }
            }
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
