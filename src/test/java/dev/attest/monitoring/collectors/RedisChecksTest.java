package dev.attest.monitoring.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.collectors.RedisCollector;
import dev.attest.support.BuiltInChecks;
import dev.attest.support.Services;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** checks/redis.yaml over what the Redis collector really reads, and over a hardened server's document. */
class RedisChecksTest {

    private final BuiltInChecks checks = new BuiltInChecks("redis.yaml");

    @Test
    void theDebianDefaultServerFailsTheAuthenticationChecksAndPassesProtectedMode() throws Exception {
        Services.requireRedis();
        Resource server = new RedisCollector().collect("127.0.0.1:6379", Map.of(), step -> { }).get(0);

        Map<String, Boolean> results = checks.evaluate(server, Instant.now());

        assertThat(results).hasSize(checks.all().size())
                .containsEntry("redis-authentication-required", false)
                .containsEntry("redis-no-passwordless-users", false)
                .containsEntry("redis-dangerous-commands-restricted", false)
                .containsEntry("redis-tls-port", false)
                .containsEntry("redis-protected-mode", true)
                .containsEntry("redis-not-bound-to-all-interfaces", true)
                .containsEntry("redis-supported-version", true);
    }

    @Test
    void aHardenedServerPassesEveryCheckAndEachFaultFailsItsOwnCheck() {
        Map<String, Object> hardened = new LinkedHashMap<>();
        hardened.put("authRequired", true);
        hardened.put("usersWithoutPassword", List.of());
        hardened.put("protectedMode", true);
        hardened.put("boundToAllInterfaces", false);
        hardened.put("tlsPort", 6380L);
        hardened.put("plainPort", 0L);
        hardened.put("dangerousCommands", List.of());
        hardened.put("snapshotting", false);
        hardened.put("appendOnly", true);
        hardened.put("lastSaveOk", true);
        hardened.put("majorVersion", 7L);
        Instant now = Instant.now();

        assertThat(checks.evaluate(new Resource("redis.server", "r:6379", hardened), now)).doesNotContainValue(false);

        Map<String, Object> exposed = new LinkedHashMap<>(hardened);
        exposed.put("boundToAllInterfaces", true);
        exposed.put("plainPort", 6379L);
        exposed.put("majorVersion", 5L);
        exposed.put("appendOnly", false);
        assertThat(checks.evaluate(new Resource("redis.server", "r:6379", exposed), now))
                .containsEntry("redis-not-bound-to-all-interfaces", false).containsEntry("redis-plain-port-closed", false)
                .containsEntry("redis-supported-version", false).containsEntry("redis-persistence-configured", false)
                .containsEntry("redis-authentication-required", true);
    }
}
