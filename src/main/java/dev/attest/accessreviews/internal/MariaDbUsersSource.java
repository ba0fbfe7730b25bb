package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.monitoring.ConnectionRuns;
import dev.attest.monitoring.Monitoring;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * MariaDB and MySQL users (user@host), read through the workspace's MariaDB connection, with their
 * privileges as roles; global administrative rights count as privileged, an expired password or a
 * locked account as inactive. Roles (MariaDB's CREATE ROLE) are left out: they are not accounts.
 * Settings: {@code emailDomain} turns user names into emails; {@code serviceUsers} (comma-separated) marks service accounts.
 */
@Component
class MariaDbUsersSource extends ConnectionAccountSource {

    MariaDbUsersSource(ConnectionRuns runs, Monitoring monitoring) {
        super(runs, monitoring);
    }

    @Override
    public String kind() {
        return "mariadb";
    }

    @Override
    String resourceType() {
        return "mariadb.user";
    }

    @Override
    @SuppressWarnings("unchecked")
    Account account(String system, Map<String, Object> d, Map<String, String> settings) {
        if (yes(d, "isRole")) {
            return null;
        }
        String user = text(d, "user");
        List<String> privileges = d.get("privileges") instanceof List<?> list ? (List<String>) list : List.of();
        List<String> service = List.of(settings.getOrDefault("serviceUsers", "").split("\\s*,\\s*"));
        return new Account(system, text(d, "account"), user, email(user, settings), privileges, yes(d, "globalAdmin"), null, null, null,
                !yes(d, "passwordExpired") && !yes(d, "accountLocked"), service.contains(user) ? AccountKind.SERVICE : AccountKind.USER);
    }
}
