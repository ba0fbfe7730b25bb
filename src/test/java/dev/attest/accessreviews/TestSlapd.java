package dev.attest.accessreviews;

import dev.attest.support.Services;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's slapd started by the test with its own data in a temporary folder: a self-signed
 * certificate (openssl) for 127.0.0.1, the LDIF given, LDAPS and plain LDAP (for StartTLS) on free
 * ports. Skipped, naming slapd, when it is not installed.
 */
final class TestSlapd implements AutoCloseable {

    static final String SUFFIX = "dc=example,dc=test";
    static final String ADMIN_DN = "cn=admin," + SUFFIX;
    static final String ADMIN_PASSWORD = "slapd-test-secret";

    final Path dir;
    final int ldapPort;
    final int ldapsPort;
    final String certificatePem;
    private final Process process;

    private TestSlapd(Path dir, int ldapPort, int ldapsPort, String certificatePem, Process process) {
        this.dir = dir;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
        this.certificatePem = certificatePem;
        this.process = process;
    }

    static TestSlapd start(String ldif) throws Exception {
        Services.requireSlapd();
        Path dir = Files.createTempDirectory("attest-slapd");
        Files.createDirectories(dir.resolve("data"));
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        Files.writeString(dir.resolve("slapd.conf"), """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                include /etc/ldap/schema/nis.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                pidfile %1$s/slapd.pid
                TLSCertificateFile %1$s/cert.pem
                TLSCertificateKeyFile %1$s/key.pem
                database mdb
                suffix "%2$s"
                rootdn "%3$s"
                rootpw %4$s
                directory %1$s/data
                """.formatted(dir, SUFFIX, ADMIN_DN, ADMIN_PASSWORD));
        Files.writeString(dir.resolve("data.ldif"), """
                dn: %s
                objectClass: dcObject
                objectClass: organization
                o: Example
                dc: example

                """.formatted(SUFFIX) + ldif);
        run(dir, "/usr/sbin/slapadd", "-f", "slapd.conf", "-l", "data.ldif");
        int ldap = freePort();
        int ldaps = freePort();
        Process process = new ProcessBuilder("/usr/sbin/slapd", "-f", dir.resolve("slapd.conf").toString(),
                "-h", "ldap://127.0.0.1:" + ldap + "/ ldaps://127.0.0.1:" + ldaps + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        TestSlapd slapd = new TestSlapd(dir, ldap, ldaps, Files.readString(dir.resolve("cert.pem")), process);
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ldaps)) {
                return slapd;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("slapd stopped: " + Files.readString(dir.resolve("slapd.log")));
                }
                Thread.sleep(100);
            }
        }
        slapd.close();
        throw new IllegalStateException("slapd did not listen on " + ldaps);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
