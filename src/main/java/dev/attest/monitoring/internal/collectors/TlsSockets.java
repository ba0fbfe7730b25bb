package dev.attest.monitoring.internal.collectors;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;

/** Connections to a TLS endpoint: plain sockets for the hand-made probes, and handshakes that accept any chain. */
final class TlsSockets {

    static final int TIMEOUT_MS = 8000;

    private TlsSockets() {
    }

    /** Whether the host is a name, sent as SNI, rather than an IPv4 or IPv6 address. */
    static boolean sendsServerName(String host) {
        return !host.matches("[0-9.]+|.*:.*");
    }

    /** A TCP connection with the probes' timeouts. */
    static Socket connect(TlsCollector.Endpoint endpoint) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), TIMEOUT_MS);
            raw.setSoTimeout(TIMEOUT_MS);
            return raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * TLS that accepts any chain under any name: the chain is judged separately ({@link CertificateFacts}), and an
     * untrusted or misnamed one must still be read. An extended trust manager, so that nothing adds a host name check.
     */
    static SSLContext anyChain() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509ExtendedTrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }

    /** A TLS socket not yet shaken hands, offering only {@code protocol} when one is given. */
    static SSLSocket open(TlsCollector.Endpoint endpoint, String protocol) throws IOException {
        try {
            SSLContext context = anyChain();
            Socket raw = connect(endpoint);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, endpoint.host(), endpoint.port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            if (sendsServerName(endpoint.host())) {
                parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
            }
            if (protocol != null) {
                parameters.setProtocols(new String[]{protocol});
            }
            socket.setSSLParameters(parameters);
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Whether the endpoint completes a handshake offering this protocol version alone. */
    static boolean accepts(TlsCollector.Endpoint endpoint, String protocol) {
        try (SSLSocket socket = open(endpoint, protocol)) {
            socket.startHandshake();
            return protocol.equals(socket.getSession().getProtocol());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
