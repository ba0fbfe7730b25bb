package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import org.springframework.stereotype.Component;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a TLS endpoint ({@code tls.endpoint}): which protocol versions it accepts, its certificate
 * chain (trust, host name, expiry, key and signature), and HSTS for HTTPS. The target is
 * {@code host:port} or {@code https://host[:port]}.
 * <p>
 * TLS 1.0 and 1.1 are probed with a hand-made ClientHello, because the JDK (rightly) refuses to
 * offer them: the endpoint's answer tells whether it would accept them, without completing a handshake.
 */
@Component
public class TlsCollector implements Collector {

    private static final int TIMEOUT_MS = 8000;
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);

    private final Clock clock;
    private final X509TrustManager trusted;

    @org.springframework.beans.factory.annotation.Autowired
    public TlsCollector(Clock clock) {
        this(clock, defaultTrust());
    }

    /** With a trust store of the caller's choosing (tests trust their own certificate authority). */
    public TlsCollector(Clock clock, X509TrustManager trusted) {
        this.clock = clock;
        this.trusted = trusted;
    }

    static X509TrustManager defaultTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String kind() {
        return "tls";
    }

    @Override
    public Set<String> types() {
        return Set.of("tls.endpoint");
    }

    @Override
    public String targetHint() {
        return "host:port or https://host[:port], e.g. https://example.com";
    }

    record Endpoint(String host, int port, boolean https) {
        static Endpoint parse(String target) throws CollectionFailed {
            String value = target.strip();
            boolean https = false;
            if (value.startsWith("https://")) {
                https = true;
                value = value.substring(8);
            }
            value = value.replaceFirst("/.*$", "");
            int colon = value.lastIndexOf(':');
            try {
                if (colon > 0 && !value.endsWith("]")) {
                    int port = Integer.parseInt(value.substring(colon + 1));
                    return new Endpoint(value.substring(0, colon), port, https || port == 443);
                }
            } catch (NumberFormatException e) {
                throw new CollectionFailed("'" + target + "' is not host:port");
            }
            if (value.isEmpty()) {
                throw new CollectionFailed("'" + target + "' names no host");
            }
            return new Endpoint(value, 443, true);
        }

        String id() {
            return host + ":" + port;
        }
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        Endpoint endpoint = Endpoint.parse(target);
        progress.report("connecting to " + endpoint.id());
        X509Certificate[] chain;
        String negotiated;
        try (SSLSocket socket = open(endpoint, null)) {
            socket.startHandshake();
            Certificate[] peer = socket.getSession().getPeerCertificates();
            chain = new X509Certificate[peer.length];
            for (int i = 0; i < peer.length; i++) {
                chain[i] = (X509Certificate) peer[i];
            }
            negotiated = socket.getSession().getProtocol();
        } catch (IOException e) {
            // Not e.getMessage(): "refused", "timed out" and "reset" would tell closed ports from filtered ones.
            throw new CollectionFailed("TLS endpoint " + endpoint.id() + " is not reachable or refused the handshake", e);
        }
        progress.report("probing protocol versions");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host", endpoint.host());
        data.put("port", (long) endpoint.port());
        data.put("https", endpoint.https());
        data.put("negotiated", negotiated);
        boolean tls13 = accepts(endpoint, "TLSv1.3");
        boolean tls12 = accepts(endpoint, "TLSv1.2");
        boolean tls11 = legacyAccepted(endpoint, 0x0302);
        boolean tls10 = legacyAccepted(endpoint, 0x0301);
        data.put("tls10", tls10);
        data.put("tls11", tls11);
        data.put("tls12", tls12);
        data.put("tls13", tls13);
        List<String> protocols = new ArrayList<>();
        if (tls10) protocols.add("TLSv1");
        if (tls11) protocols.add("TLSv1.1");
        if (tls12) protocols.add("TLSv1.2");
        if (tls13) protocols.add("TLSv1.3");
        data.put("protocols", protocols);
        certificate(chain, endpoint, data);
        if (endpoint.https()) {
            progress.report("reading HSTS");
            hsts(endpoint, data);
        }
        return List.of(new Resource("tls.endpoint", endpoint.id(), data));
    }

    private void certificate(X509Certificate[] chain, Endpoint endpoint, Map<String, Object> data) {
        X509Certificate leaf = chain[0];
        data.put("subject", leaf.getSubjectX500Principal().getName());
        data.put("issuer", leaf.getIssuerX500Principal().getName());
        data.put("notBefore", leaf.getNotBefore().toInstant().toString());
        data.put("notAfter", leaf.getNotAfter().toInstant().toString());
        data.put("daysToExpiry", Math.floorDiv(Duration.between(clock.instant(), leaf.getNotAfter().toInstant()).toSeconds(), 86400L));
        data.put("signatureAlgorithm", leaf.getSigAlgName());
        data.put("chainLength", (long) chain.length);
        data.put("selfSigned", leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()));
        var key = leaf.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            data.put("keyType", "RSA");
            data.put("keySize", (long) rsa.getModulus().bitLength());
        } else if (key instanceof ECPublicKey ec) {
            data.put("keyType", "EC");
            data.put("keySize", (long) ec.getParams().getOrder().bitLength());
        } else {
            data.put("keyType", key.getAlgorithm());
            data.put("keySize", 0L);
        }
        boolean trustedChain;
        try {
            trusted.checkServerTrusted(chain, key instanceof RSAPublicKey ? "RSA" : "EC");
            trustedChain = true;
        } catch (CertificateException | RuntimeException e) {
            trustedChain = false;
        }
        data.put("chainTrusted", trustedChain);
        data.put("hostnameMatches", HostNames.matches(leaf, endpoint.host()));
        data.put("subjectAltNames", HostNames.names(leaf));
    }

    private SSLSocket open(Endpoint endpoint, String protocol) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // Accept any chain here: the chain is judged separately, and an untrusted one must still be read.
            context.init(null, new TrustManager[]{new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            Socket raw = new Socket();
            raw.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), TIMEOUT_MS);
            raw.setSoTimeout(TIMEOUT_MS);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, endpoint.host(), endpoint.port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            if (!endpoint.host().matches("[0-9.]+|.*:.*")) {
                parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
            }
            if (protocol != null) {
                parameters.setProtocols(new String[]{protocol});
            }
            socket.setSSLParameters(parameters);
            return socket;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private boolean accepts(Endpoint endpoint, String protocol) {
        try (SSLSocket socket = open(endpoint, protocol)) {
            socket.startHandshake();
            return protocol.equals(socket.getSession().getProtocol());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Sends a TLS 1.0 or 1.1 ClientHello and reads whether the server answers with a ServerHello of that version. */
    boolean legacyAccepted(Endpoint endpoint, int version) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(version, endpoint.host()));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType = in.readUnsignedByte();
            in.readUnsignedShort();
            int length = in.readUnsignedShort();
            if (contentType != 22 || length < 6) {
                return false; // an alert, or something other than a handshake
            }
            int handshakeType = in.readUnsignedByte();
            in.skipBytes(3);
            int serverVersion = in.readUnsignedShort();
            return handshakeType == 2 && serverVersion == version;
        } catch (IOException e) {
            return false;
        }
    }

    static byte[] clientHello(int version, String host) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version & 0xff);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xc02f, 0xc030, 0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035, 0x000a, 0x0033, 0x0039};
        u16(body, suites.length * 2);
        for (int suite : suites) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0); // null compression
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (!host.matches("[0-9.]+|.*:.*")) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            u16(extensions, 0x0000);
            u16(extensions, name.length + 5);
            u16(extensions, name.length + 3);
            extensions.write(0);
            u16(extensions, name.length);
            extensions.writeBytes(name);
        }
        u16(extensions, 0x000a); // supported groups: secp256r1, secp384r1
        u16(extensions, 6);
        u16(extensions, 4);
        u16(extensions, 23);
        u16(extensions, 24);
        u16(extensions, 0x000b); // EC point formats: uncompressed
        u16(extensions, 2);
        extensions.write(1);
        extensions.write(0);
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22);
        u16(record, 0x0301);
        u16(record, hello.length + 4);
        record.write(1);
        record.write(0);
        u16(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }

    private void hsts(Endpoint endpoint, Map<String, Object> data) {
        try (SSLSocket socket = open(endpoint, null)) {
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

    /** Host name matching against a certificate's subject alternative names (RFC 6125, one wildcard label). */
    static final class HostNames {
        private HostNames() {
        }

        static List<String> names(X509Certificate certificate) {
            List<String> names = new ArrayList<>();
            try {
                Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
                if (alternatives != null) {
                    for (List<?> entry : alternatives) {
                        Integer type = (Integer) entry.get(0);
                        if (type == 2 || type == 7) {
                            names.add(String.valueOf(entry.get(1)));
                        }
                    }
                }
            } catch (java.security.cert.CertificateParsingException ignored) {
                // no readable names: nothing matches
            }
            return names;
        }

        static boolean matches(X509Certificate certificate, String host) {
            String wanted = host.toLowerCase(Locale.ROOT);
            for (String name : names(certificate)) {
                String candidate = name.toLowerCase(Locale.ROOT);
                if (candidate.equals(wanted)) {
                    return true;
                }
                if (candidate.startsWith("*.") && wanted.indexOf('.') > 0
                        && wanted.substring(wanted.indexOf('.')).equals(candidate.substring(1))) {
                    return true;
                }
            }
            return false;
        }
    }
}
