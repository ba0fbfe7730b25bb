package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.monitoring.ConnectionRuns;
import dev.attest.monitoring.Monitoring;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL roles, read through the workspace's PostgreSQL connection: each role with its attributes
 * (superuser, createrole, createdb, replication, bypassrls, login) as roles; superuser, createrole,
 * replication and bypassrls count as privileged; a role that cannot log in or whose password expired is inactive.
 * Setting {@code emailDomain} turns role names into emails for matching; {@code serviceRoles}
 * (comma-separated) marks service accounts.
 */
@Component
class PostgresRolesSource extends ConnectionAccountSource {

    private final Clock clock;

    PostgresRolesSource(ConnectionRuns runs, Monitoring monitoring, Clock clock) {
        super(runs, monitoring);
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    String resourceType() {
        return "postgres.role";
    }

    @Override
    Account account(String system, Map<String, Object> d, Map<String, String> settings) {
        String name = text(d, "name");
        List<String> attributes = new ArrayList<>();
        for (String attribute : List.of("superuser", "createRole", "createDb", "replication", "bypassRls", "canLogin")) {
            if (yes(d, attribute)) {
                attributes.add(attribute.equals("canLogin") ? "login" : attribute.toLowerCase(java.util.Locale.ROOT));
            }
        }
        String validUntil = text(d, "validUntil");
        boolean expired = validUntil != null && Instant.parse(validUntil).isBefore(clock.instant());
        boolean privileged = yes(d, "superuser") || yes(d, "createRole") || yes(d, "replication") || yes(d, "bypassRls");
        List<String> service = List.of(settings.getOrDefault("serviceRoles", "").split("\\s*,\\s*"));
        return new Account(system, name, name, email(name, settings), attributes, privileged, null, null, null,
                yes(d, "canLogin") && !expired, service.contains(name) ? AccountKind.SERVICE : AccountKind.USER);
    }
}
