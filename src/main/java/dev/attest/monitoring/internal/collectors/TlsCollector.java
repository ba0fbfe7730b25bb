package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TLS endpoint ({@code tls.endpoint}): which protocol versions it accepts, its certificate
 * chain (trust, host name, expiry, key and signature), and HSTS for HTTPS. The target is
 * {@code host:port} or {@code https://host[:port]}.
 * <p>
 * TLS 1.0 and 1.1 are probed with a hand-made ClientHello ({@link LegacyClientHello}), because the JDK
 * (rightly) refuses to offer them; the chain is judged by {@link CertificateFacts}, HSTS by {@link HstsProbe}.
 */
@Component
public class TlsCollector implements Collector {

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
    public Description description() {
        return Description.of("tls", "host:port or https://host[:port], e.g. https://example.com", "tls.endpoint");
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
        try (SSLSocket socket = TlsSockets.open(endpoint, null)) {
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
        boolean tls13 = TlsSockets.accepts(endpoint, "TLSv1.3");
        boolean tls12 = TlsSockets.accepts(endpoint, "TLSv1.2");
        boolean tls11 = LegacyClientHello.accepted(endpoint, LegacyClientHello.TLS_1_1);
        boolean tls10 = LegacyClientHello.accepted(endpoint, LegacyClientHello.TLS_1_0);
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
        CertificateFacts.put(chain, endpoint.host(), trusted, clock.instant(), data);
        if (endpoint.https()) {
            progress.report("reading HSTS");
            HstsProbe.put(endpoint, data);
        }
        return List.of(new Resource("tls.endpoint", endpoint.id(), data));
    }
}
