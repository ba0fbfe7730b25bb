package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.SourceTarget;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Monitoring;
import dev.attest.monitoring.StoredResource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Linux host's people accounts (UID 1000 and up) as its host agent last reported them in the
 * {@code host.linux} resource: groups as roles, sudo rights as privileged, login shell as active, last
 * login. The target is the host name the agent reports. A host whose agent has not reported within
 * {@code maxAgeHours} (48 by default) cannot be reviewed: its accounts may have changed since.
 */
@Component
@RequiredArgsConstructor
class LinuxHostSource implements AccountSource {

    static final String TYPE = "host.linux";

    private final Monitoring monitoring;
    private final Clock clock;

    @Override
    public String kind() {
        return "linux";
    }

    @Override
    public String targetHint() {
        return "the host name its host agent reports, e.g. web-1";
    }

    @Override
    public List<Account> accounts(SourceTarget target) throws SourceUnavailable {
        StoredResource host = report(target.workspace(), target.target())
                .orElseThrow(() -> new SourceUnavailable("no report from the host agent on " + target.target() + " yet"));
        long maxAge = Long.parseLong(target.setting("maxAgeHours", "48"));
        if (host.collectedAt() != null && host.collectedAt().isBefore(clock.instant().minus(Duration.ofHours(maxAge)))) {
            throw new SourceUnavailable("the host agent on " + target.target() + " last reported at " + host.collectedAt()
                    + ", more than " + maxAge + " hours ago");
        }
        return accounts(target.systemName(), host.resource().data(), target.settings());
    }

    Optional<StoredResource> report(WorkspaceId workspace, String hostname) {
        return monitoring.resources(workspace, TYPE, Monitoring.MAX_LISTED).stream()
                .filter(r -> r.resource().id().equalsIgnoreCase(hostname)).findFirst();
    }

    @SuppressWarnings("unchecked")
    static List<Account> accounts(String system, Map<String, Object> host, Map<String, String> settings) throws SourceUnavailable {
        if (!(host.get("accounts") instanceof List<?> list)) {
            throw new SourceUnavailable("the host agent on " + host.get("hostname") + " is too old to report accounts; update it");
        }
        List<String> service = List.of(settings.getOrDefault("serviceUsers", "").split("\\s*,\\s*"));
        List<Account> accounts = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> a = (Map<String, Object>) item;
            String user = String.valueOf(a.get("user"));
            List<String> roles = new ArrayList<>(a.get("groups") instanceof List<?> g ? (List<String>) g : List.of());
            boolean sudo = Boolean.TRUE.equals(a.get("sudo"));
            if (sudo) {
                roles.add("sudo");
            }
            Object last = a.get("lastLogin");
            String name = a.get("name") == null || String.valueOf(a.get("name")).isBlank() ? user : String.valueOf(a.get("name"));
            accounts.add(new Account(system, user, name, ConnectionAccountSource.email(user, settings), roles, sudo, null,
                    last == null ? null : Instant.parse(last.toString()), null, Boolean.TRUE.equals(a.get("canLogIn")),
                    service.contains(user) ? AccountKind.SERVICE : AccountKind.USER));
        }
        return accounts;
    }
}
