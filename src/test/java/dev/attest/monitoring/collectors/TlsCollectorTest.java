package dev.attest.monitoring.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.collectors.TlsCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsCollectorTest {

    @TempDir
    static Path folder;

    static TestCertificates.Issued authority;
    static TestTlsServer good;
    static Process legacy;
    static int legacyPort;
    static TlsCollector collector;

    @BeforeAll
    static void startServers() throws Exception {
        authority = TestCertificates.authority();
        var leaf = TestCertificates.leaf(authority, "localhost", 2048, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)), "SHA256withRSA");
        good = new TestTlsServer(TestCertificates.keyStore(leaf, authority), new String[]{"TLSv1.3", "TLSv1.2"}, "max-age=31536000");

        // The bad server: expired, a 1024-bit key, the wrong name, SHA-1, and TLS 1.0/1.1 on. It runs in its own
        // JVM because enabling the legacy protocols means changing a JVM-wide security property.
        var bad = TestCertificates.leaf(authority, "wrong.example", 1024, Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(5)), "SHA1withRSA");
        Path keystore = TestCertificates.write(TestCertificates.keyStore(bad, authority), folder);
        Path security = folder.resolve("legacy.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=\njdk.certpath.disabledAlgorithms=\n");
        legacy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
                TestTlsServer.class.getName(), keystore.toString(), "TLSv1,TLSv1.1,TLSv1.2").redirectErrorStream(true).start();
        legacyPort = Integer.parseInt(new BufferedReader(new InputStreamReader(legacy.getInputStream())).readLine().strip());

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", authority.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        collector = new TlsCollector(Clock.systemUTC(), (X509TrustManager) factory.getTrustManagers()[0]);
    }

    @AfterAll
    static void stopServers() throws Exception {
        good.close();
        legacy.destroy();
        legacy.waitFor(5, TimeUnit.SECONDS);
    }

    private static Map<String, Object> collect(String target) throws Exception {
        List<Resource> resources = collector.collect(target, Map.of(), step -> { });
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).type()).isEqualTo("tls.endpoint");
        return resources.get(0).data();
    }

    @Test
    void aWellConfiguredEndpointOffersOnlyModernProtocolsWithATrustedCurrentCertificateAndHsts() throws Exception {
        Map<String, Object> data = collect("https://localhost:" + good.port());

        assertThat(data).containsEntry("tls10", false).containsEntry("tls11", false)
                .containsEntry("tls12", true).containsEntry("tls13", true)
                .containsEntry("chainTrusted", true).containsEntry("hostnameMatches", true)
                .containsEntry("keyType", "RSA").containsEntry("keySize", 2048L)
                .containsEntry("hsts", true).containsEntry("hstsMaxAge", 31536000L).containsEntry("httpStatus", "200");
        assertThat((Long) data.get("daysToExpiry")).isBetween(88L, 90L);
        assertThat((String) data.get("signatureAlgorithm")).isEqualTo("SHA256withRSA");
    }

    @Test
    void hstsIsReadOverAChainThatIsNeitherTrustedNorNamedForTheHost() throws Exception {
        var stranger = TestCertificates.authority();
        var misnamed = TestCertificates.leaf(stranger, "wrong.example", 2048, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)), "SHA256withRSA");
        try (TestTlsServer server = new TestTlsServer(TestCertificates.keyStore(misnamed, stranger), new String[]{"TLSv1.3", "TLSv1.2"},
                "max-age=63072000; includeSubDomains")) {
            Map<String, Object> data = collect("https://localhost:" + server.port());

            assertThat(data).containsEntry("chainTrusted", false).containsEntry("hostnameMatches", false)
                    .containsEntry("hsts", true).containsEntry("hstsMaxAge", 63072000L).containsEntry("httpStatus", "200");
        }
    }

    @Test
    void anHttpsEndpointWithoutHstsOrWithMaxAgeZeroHasNone() throws Exception {
        var leaf = TestCertificates.leaf(authority, "localhost", 2048, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)), "SHA256withRSA");
        try (TestTlsServer without = new TestTlsServer(TestCertificates.keyStore(leaf, authority), new String[]{"TLSv1.3"}, null);
             TestTlsServer zero = new TestTlsServer(TestCertificates.keyStore(leaf, authority), new String[]{"TLSv1.3"}, "max-age=0")) {
            assertThat(collect("https://localhost:" + without.port())).containsEntry("hsts", false).containsEntry("hstsMaxAge", 0L)
                    .containsEntry("httpStatus", "200");
            assertThat(collect("https://localhost:" + zero.port())).containsEntry("hsts", false).containsEntry("hstsMaxAge", 0L)
                    .containsEntry("httpStatus", "200");
        }
    }

    @Test
    void anHttpsEndpointThatDoesNotAnswerHttpHasNoHstsAndNoStatus() throws Exception {
        var leaf = TestCertificates.leaf(authority, "localhost", 2048, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)), "SHA256withRSA");
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(TestCertificates.keyStore(leaf, authority), TestCertificates.PASSWORD);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        // shakes hands, then closes without a word: TLS is there, HTTP is not
        try (var server = context.getServerSocketFactory().createServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var socket = (javax.net.ssl.SSLSocket) server.accept()) {
                        socket.startHandshake();
                    } catch (Exception ignored) {
                        // probes hang up as they please
                    }
                }
            }, "silent-tls-server");
            silent.setDaemon(true);
            silent.start();

            assertThat(collect("https://localhost:" + server.getLocalPort())).containsEntry("tls13", true)
                    .containsEntry("hsts", false).containsEntry("hstsMaxAge", 0L).containsEntry("httpStatus", "none");
        }
    }

    @Test
    void aBadlyConfiguredEndpointShowsLegacyProtocolsAndItsCertificateFaults() throws Exception {
        Map<String, Object> data = collect("localhost:" + legacyPort);

        assertThat(data).containsEntry("tls10", true).containsEntry("tls11", true).containsEntry("tls12", true)
                .containsEntry("chainTrusted", false).containsEntry("hostnameMatches", false)
                .containsEntry("keySize", 1024L).containsEntry("https", false);
        assertThat((Long) data.get("daysToExpiry")).isNegative();
        assertThat((String) data.get("signatureAlgorithm")).isEqualTo("SHA1withRSA");
    }

    @Test
    void anEndpointThatIsDownIsACollectionFailureWithTheReason() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> collector.collect("localhost:" + closed, Map.of(), step -> { }))
                .isInstanceOf(Collector.CollectionFailed.class)
                .hasMessageContaining("localhost:" + closed).hasMessageContaining("not reachable");
    }
}
