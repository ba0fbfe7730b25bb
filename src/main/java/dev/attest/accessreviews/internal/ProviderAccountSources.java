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
            // GitHub accounts have no organisation email: an emailDomain setting turns logins into emails for matching.
            return new Account(system, login, login, email(login, settings), roles, yes(d, "owner"), known(d, "twoFactorEnabled"), null, null,
                    true, kind(login, settings));
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
            return new Account(system, email, textOr(d, "name", email), email, roles, yes(d, "superAdmin") || yes(d, "delegatedAdmin"),
                    known(d, "twoStepEnrolled"), instant(d, "lastLoginAt"), instant(d, "createdAt"), yes(d, "active"), kind(email, settings));
        });
    }

    @Bean
    ConnectionAccountSource oktaAccountSource(ConnectionRuns runs, Monitoring monitoring) {
        return new ProviderSource(runs, monitoring, "okta", "okta.user", (system, d, settings) -> {
            String login = textOr(d, "login", text(d, "id"));
            String email = text(d, "email");
            return new Account(system, login, textOr(d, "displayName", login), email == null ? email(login, settings) : email, list(d, "adminRoles"),
                    yes(d, "admin"), known(d, "mfaEnrolled"), instant(d, "lastLogin"), instant(d, "created"), yes(d, "active"),
                    kind(login, settings));
        });
    }

    @Bean
    ConnectionAccountSource entraAccountSource(ConnectionRuns runs, Monitoring monitoring) {
        return new ProviderSource(runs, monitoring, "entra", "entra.user", (system, d, settings) -> {
            String upn = textOr(d, "userPrincipalName", text(d, "id"));
            List<String> roles = list(d, "directoryRoles");
            if (yes(d, "guest")) {
                roles.add("guest");
            }
            String email = text(d, "mail");
            return new Account(system, upn, textOr(d, "displayName", upn), email == null ? email(upn, settings) : email, roles, yes(d, "privileged"),
                    known(d, "mfaRegistered"), instant(d, "lastSignInAt"), instant(d, "createdAt"), yes(d, "accountEnabled"),
                    kind(upn, settings));
        });
    }

    /** The text under the key, or the fallback when there is none. */
    private static String textOr(Map<String, Object> d, String key, String fallback) {
        String value = text(d, key);
        return value == null ? fallback : value;
    }

    /** The values listed under the key, as text; a list the caller may add to. */
    private static List<String> list(Map<String, Object> d, String key) {
        List<String> values = new ArrayList<>();
        if (d.get(key) instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return values;
    }

    /** Yes or no when the provider says, null when it does not. */
    private static Boolean known(Map<String, Object> d, String key) {
        return d.containsKey(key) ? yes(d, key) : null;
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
