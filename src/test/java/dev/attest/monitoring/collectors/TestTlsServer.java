package dev.attest.monitoring.collectors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;

/**
 * A TLS server for the collector's tests: answers any HTTP request with an optional HSTS header.
 * Run as its own process (main) when it must offer TLS 1.0 and 1.1, which the test JVM refuses.
 */
public final class TestTlsServer implements AutoCloseable {

    private final SSLServerSocket server;
    private final Thread thread;

    public TestTlsServer(KeyStore keys, String[] protocols, String hsts) throws Exception {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TestCertificates.PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(protocols);
        thread = new Thread(() -> serve(hsts), "test-tls-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve(String hsts) {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                int last = 0;
                int count = 0;
                int b;
                // read until the blank line that ends the request headers
                while ((b = in.read()) >= 0) {
                    count = (b == '\n' && last == '\r') ? count + 1 : (b == '\r' ? count : 0);
                    last = b;
                    if (count == 2) break;
                }
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n" + (hsts == null ? "" : "Strict-Transport-Security: " + hsts + "\r\n")
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (Exception ignored) {
                // a probe that gives up mid-handshake is expected
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** Args: keystore path, comma-separated protocols. Prints the port, then serves until killed. */
    public static void main(String[] args) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(args[0])) {
            keys.load(in, TestCertificates.PASSWORD);
        }
        TestTlsServer server = new TestTlsServer(keys, args[1].split(","), null);
        System.out.println(server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
