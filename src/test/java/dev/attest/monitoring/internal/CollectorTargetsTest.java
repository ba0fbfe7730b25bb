package dev.attest.monitoring.internal;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's policy over collector targets, with names resolved from a fixed table. */
class CollectorTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "db.internal", "10.0.4.7",
            "rebind.example", "127.0.0.1",
            "metadata.google.internal", "169.254.169.254",
            "example.com", "93.184.215.14",
            "git.internal", "10.0.9.9");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !host.matches("[0-9.]+|.*:.*")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address == null ? host : address)};
    }

    private static CollectorTargets policy(boolean loopback, boolean linkLocal, boolean localPaths, List<String> allow, List<String> deny) {
        return new CollectorTargets(loopback, linkLocal, localPaths, allow, deny, CollectorTargetsTest::resolve);
    }

    private static final CollectorTargets DEFAULTS = policy(false, false, false, List.of(), List.of());

    @Test
    void byDefaultLoopbackLinkLocalMetadataAndLocalPathsAreRefused() {
        for (String[] target : new String[][]{
                {"postgres", "127.0.0.1:5432/postgres"}, {"postgres", "localhost:5432/postgres"}, {"postgres", "[::1]:5432/postgres"},
                {"postgres", "0.0.0.0:5432/postgres"}, {"postgres", "jdbc:postgresql://db.internal:5432,127.0.0.1:5432/postgres"},
                {"postgres", "rebind.example:5432/postgres"},
                {"tls", "127.0.0.2:443"}, {"tls", "https://169.254.169.254/latest/meta-data"}, {"tls", "metadata.google.internal:80"},
                {"tls", "[fe80::1]:443"}, {"tls", "[::ffff:127.0.0.1]:443"}, {"tls", "100.100.100.200:80"},
                {"git", "file:///etc"}, {"git", "/srv/repos/api"}, {"git", "../secrets"}, {"git", "https://localhost/x.git"}}) {
            assertThatThrownBy(() -> DEFAULTS.check(target[0], target[1])).as("%s %s", target[0], target[1])
                    .isInstanceOf(CollectorTargets.Refused.class);
        }
        assertThatThrownBy(() -> DEFAULTS.check("tls", "127.0.0.1:443")).hasMessageContaining("loopback")
                .hasMessageContaining("attest.collectors.allow-loopback");
        assertThatThrownBy(() -> DEFAULTS.check("git", "/srv/repos/api")).hasMessageContaining("attest.collectors.allow-local-paths");
    }

    @Test
    void ordinaryNetworkTargetsPass() {
        assertThatCode(() -> {
            DEFAULTS.check("postgres", "db.internal:5432/postgres");
            DEFAULTS.check("postgres", "jdbc:postgresql://db.internal:5432/app?sslmode=verify-full&ApplicationName=attest");
            DEFAULTS.check("tls", "https://example.com");
            DEFAULTS.check("tls", "10.0.0.5:8443");
            DEFAULTS.check("git", "https://git.internal/acme/api.git");
            DEFAULTS.check("git", "git@git.internal:acme/api.git");
            DEFAULTS.check("git", "ssh://git@git.internal/acme/api.git");
        }).doesNotThrowAnyException();
    }

    @Test
    void optionsTransportsAndDriverParametersAreNeverTakenFromATarget() {
        for (String[] target : new String[][]{
                {"git", "--upload-pack=touch /tmp/pwned"}, {"git", "-u touch"}, {"git", "ext::sh -c touch% /tmp/pwned"},
                {"git", "fd::17"}, {"git", "ftp://git.internal/x.git"},
                {"postgres", "jdbc:postgresql://db.internal/app?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext"},
                {"postgres", "jdbc:postgresql://db.internal/app?loggerFile=/tmp/x"}, {"postgres", "db.internal:5432/app?sslfactory=x"},
                {"tls", "http://example.com"}, {"tls", "example.com:443 --x"}, {"tls", "exa\nmple.com:443"}}) {
            assertThatThrownBy(() -> DEFAULTS.check(target[0], target[1])).as("%s %s", target[0], target[1])
                    .isInstanceOf(CollectorTargets.Refused.class);
        }
    }

    @Test
    void addressesWrittenSoThatToolsReadThemDifferentlyAreRefused() {
        for (String host : List.of("2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "1.0x7f.0.1", "010.0.0.5")) {
            assertThatThrownBy(() -> DEFAULTS.check("tls", host + ":443")).as(host)
                    .isInstanceOf(CollectorTargets.Refused.class).hasMessageContaining("four decimal numbers");
        }
    }

    @Test
    void theOperatorEnablesClassesAllowsSingleNetworksAndDeniesMore() throws Exception {
        CollectorTargets lab = policy(true, true, true, List.of(), List.of("10.0.4.0/24"));
        lab.check("tls", "127.0.0.1:443");
        lab.check("tls", "[fe80::1]:443");
        lab.check("git", "/srv/repos/api");
        assertThatThrownBy(() -> lab.check("postgres", "db.internal:5432/app")).hasMessageContaining("attest.collectors.deny");
        assertThatThrownBy(() -> lab.check("tls", "169.254.169.254:80")).as("metadata needs its own allow entry")
                .hasMessageContaining("metadata");

        CollectorTargets one = policy(false, false, false, List.of("127.0.0.1/32"), List.of());
        one.check("postgres", "127.0.0.1:5432/postgres");
        assertThatThrownBy(() -> one.check("postgres", "127.0.0.2:5432/postgres")).hasMessageContaining("loopback");
        policy(false, false, false, List.of("169.254.169.254"), List.of()).check("tls", "169.254.169.254:80");
    }

    @Test
    void anAwsEndpointOverPlainHttpIsRefusedUnlessItIsOnLoopback() throws Exception {
        assertThatThrownBy(() -> DEFAULTS.check("aws", "123456789012@http://example.com:9000"))
                .isInstanceOf(CollectorTargets.Refused.class).hasMessageContaining("use https");
        assertThatThrownBy(() -> DEFAULTS.check("aws", "arn:aws:iam::123456789012:role/AttestAudit@http://10.0.0.5"))
                .hasMessageContaining("use https");
        DEFAULTS.check("aws", "123456789012@https://example.com:9000");
        policy(true, false, false, List.of(), List.of()).check("aws", "123456789012@http://127.0.0.1:9000");
        assertThatThrownBy(() -> policy(false, false, false, List.of("10.0.0.0/8"), List.of()).check("aws", "123456789012@http://10.0.0.5"))
                .as("an allowed network is still reached over https only").hasMessageContaining("use https");
    }

    @Test
    void aBadPolicyEntryStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> policy(false, false, false, List.of("intranet"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attest.collectors.allow");
        assertThatThrownBy(() -> policy(false, false, false, List.of(), List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attest.collectors.deny");
    }
}
