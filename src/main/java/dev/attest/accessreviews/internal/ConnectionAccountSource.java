package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.SourceTarget;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Connection;
import dev.attest.monitoring.ConnectionRun;
import dev.attest.monitoring.ConnectionRuns;
import dev.attest.monitoring.Monitoring;
import dev.attest.web.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * A source whose accounts a monitoring connection collects (as resources of one type): collecting runs
 * the connection now, so a system that is down is reported with the run's error.
 */
@RequiredArgsConstructor
abstract class ConnectionAccountSource implements AccountSource {

    private final ConnectionRuns runs;
    private final Monitoring monitoring;

    /** The resource type holding one account, e.g. {@code postgres.role}. */
    abstract String resourceType();

    /** One account from one resource of that type, or null to leave it out. */
    abstract Account account(String system, Map<String, Object> data, Map<String, String> settings);

    @Override
    public String targetHint() {
        return "";
    }

    @Override
    public List<Account> accounts(SourceTarget target) throws SourceUnavailable {
        if (target.connectionId() == null) {
            throw new SourceUnavailable("no monitoring connection set");
        }
        Connection connection;
        try {
            connection = runs.get(target.workspace(), target.connectionId());
        } catch (NotFoundException e) {
            throw new SourceUnavailable("its monitoring connection " + target.connectionId() + " no longer exists");
        }
        if (!kind().equals(connection.kind())) {
            throw new SourceUnavailable("connection " + connection.name() + " reads " + connection.kind() + ", not " + kind());
        }
        ConnectionRun run = runs.runAndWait(target.workspace(), connection.id(), "access-review:" + target.systemName());
        if (!"succeeded".equals(run.status())) {
            throw new SourceUnavailable("connection " + connection.name() + ": " + run.error());
        }
        return stored(target.workspace(), connection.id(), target.systemName(), target.settings());
    }

    /** The accounts in the connection's latest collection, without running it again. */
    List<Account> stored(WorkspaceId workspace, UUID connectionId, String system, Map<String, String> settings) {
        return monitoring.resources(workspace, resourceType(), Monitoring.MAX_LISTED).stream()
                .filter(r -> connectionId.equals(r.connectionId()))
                .map(r -> account(system, r.resource().data(), settings))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    static boolean yes(Map<String, Object> data, String key) {
        return Boolean.TRUE.equals(data.get(key));
    }

    /** The account's email where the system has none: the account name at the system's {@code emailDomain} setting. */
    static String email(String name, Map<String, String> settings) {
        if (name.contains("@")) {
            return name;
        }
        String domain = settings.get("emailDomain");
        return domain == null || domain.isBlank() ? null : name + "@" + domain.strip();
    }

}
