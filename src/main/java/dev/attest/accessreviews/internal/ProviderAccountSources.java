package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.monitoring.ConnectionRuns;
import dev.attest.monitoring.Monitoring;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.attest.accessreviews.internal.ConnectionAccountSource.email;
import static dev.attest.accessreviews.internal.ConnectionAccountSource.text;
import static dev.attest.accessreviews.internal.ConnectionAccountSource.yes;

/**
 * The identity providers and the source host as account sources, each through its monitoring connection:
 * GitHub organisation members and outside collaborators, Google Workspace, Okta and Entra ID users.
 * Setting {@code serviceAccounts} (comma-separated ids) marks service accounts.
 */
@Configuration(proxyBeanMethods = false)
class ProviderAccountSources {

    /** One provider's accounts from one resource type. */
    private static final class ProviderSource extends ConnectionAccountSource {
        private final String kind;
        private final String type;
        private final Reader reader;

        ProviderSource(ConnectionRuns runs, Monitoring monitoring, String kind, String type, Reader reader) {
            super(runs, monitoring);
            this.kind = kind;
            this.type = type;
            this.reader = reader;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        String resourceType() {
            return type;
        }

        @Override
        Account account(String system, Map<String, Object> data, Map<String, String> settings) {
            return reader.read(system, data, settings);
        }
    }

    @FunctionalInterface
    private interface Reader {
        Account read(String system, Map<String, Object> d, Map<String, String> settings);
    }

    @Bean
    ConnectionAccountSource githubAccountSource(ConnectionRuns runs, Monitoring monitoring) {
        return new ProviderSource(runs, monitoring, "github", "github.member", (system, d, settings) -> {
            String login = text(d, "login");
            List<String> roles = new ArrayList<>();
            roles.add(yes(d, "outsideCollaborator") ? "outside collaborator" : yes(d, "owner") ? "owner" : "member");
            Boolean mfa = d.containsKey("twoFactorEnabled") ? yes(d, "twoFactorEnabled") : null;
            // GitHub accounts have no organisation email: an emailDomain setting turns logins into emails for matching.
            return new Account(system, login, login, email(login, settings), roles, yes(d, "owner"), mfa, null, null, true,
                    kind(login, settings));
        });
    }

    @Bean
    ConnectionAccountSource googleWorkspaceAccountSource(ConnectionRuns runs, Monitoring monitoring) {
        return new ProviderSource(runs, monitoring, "google-workspace", "google.user", (system, d, settings) -> {
            String email = text(d, "primaryEmail");
            List<String> roles = new ArrayList<>();
            if (yes(d, "superAdmin")) {
                roles.add("super admin");
            }
            if (yes(d, "delegatedAdmin")) {
                roles.add("delegated admin");
            }
            String name = text(d, "name");
            return new Account(system, email, name == null ? email : name, email, roles, yes(d, "superAdmin") || yes(d, "delegatedAdmin"),
                    d.containsKey("twoStepEnrolled") ? yes(d, "twoStepEnrolled") : null, instant(d, "lastLoginAt"), instant(d, "createdAt"),
                    yes(d, "active"), kind(email, settings));
        });
    }

    @Bean
    ConnectionAccountSource oktaAccountSource(ConnectionRuns runs, Monitoring monitoring) {
        return new ProviderSource(runs, monitoring, "okta", "okta.user", (system, d, settings) -> {
            String login = text(d, "login") == null ? text(d, "id") : text(d, "login");
            List<String> roles = new ArrayList<>();
            if (d.get("adminRoles") instanceof List<?> list) {
                list.forEach(r -> roles.add(String.valueOf(r)));
            }
            String email = text(d, "email") == null ? email(login, settings) : text(d, "email");
            return new Account(system, login, text(d, "displayName") == null ? login : text(d, "displayName"), email, roles, yes(d, "admin"),
                    d.containsKey("mfaEnrolled") ? yes(d, "mfaEnrolled") : null, instant(d, "lastLogin"), instant(d, "created"),
                    yes(d, "active"), kind(login, settings));
        });
    }

    @Bean
    ConnectionAccountSource entraAccountSource(ConnectionRuns runs, Monitoring monitoring) {
        return new ProviderSource(runs, monitoring, "entra", "entra.user", (system, d, settings) -> {
            String upn = text(d, "userPrincipalName") == null ? text(d, "id") : text(d, "userPrincipalName");
            List<String> roles = new ArrayList<>();
            if (d.get("directoryRoles") instanceof List<?> list) {
                list.forEach(r -> roles.add(String.valueOf(r)));
            }
            if (yes(d, "guest")) {
                roles.add("guest");
            }
            String email = text(d, "mail") == null ? email(upn, settings) : text(d, "mail");
            return new Account(system, upn, text(d, "displayName") == null ? upn : text(d, "displayName"), email, roles, yes(d, "privileged"),
                    d.containsKey("mfaRegistered") ? yes(d, "mfaRegistered") : null, instant(d, "lastSignInAt"), instant(d, "createdAt"),
                    yes(d, "accountEnabled"), kind(upn, settings));
        });
    }

    private static AccountKind kind(String id, Map<String, String> settings) {
        List<String> service = List.of(settings.getOrDefault("serviceAccounts", "").split("\\s*,\\s*"));
        return service.contains(id) ? AccountKind.SERVICE : AccountKind.USER;
    }

    private static Instant instant(Map<String, Object> d, String key) {
        Object value = d.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
