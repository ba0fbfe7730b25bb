package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountKind;
import dev.attest.monitoring.ConnectionRuns;
import dev.attest.monitoring.Monitoring;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IAM users of an AWS account, read through the workspace's AWS connection: each user's groups and
 * policies (as {@code group:} and {@code policy:} roles), privileged when a policy grants every action
 * (AdministratorAccess or a {@code *:*} policy, directly or through a group), MFA from the credential
 * report, the last use of the password or an access key as the last sign-in. The root user is listed as a
 * privileged account. A user with neither a console password nor an active key cannot sign in: inactive.
 * Settings: {@code emailDomain} turns user names into emails; {@code serviceUsers} (comma-separated) marks service accounts.
 */
@Component
class AwsIamUsersSource extends ConnectionAccountSource {

    AwsIamUsersSource(ConnectionRuns runs, Monitoring monitoring) {
        super(runs, monitoring);
    }

    @Override
    public String kind() {
        return "aws";
    }

    @Override
    String resourceType() {
        return "aws.iam.user";
    }

    @Override
    Account account(String system, Map<String, Object> d, Map<String, String> settings) {
        boolean root = yes(d, "isRoot");
        String name = root ? "root" : text(d, "userName") != null ? text(d, "userName") : text(d, "user");
        if (name == null) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        names(d.get("groups")).forEach(g -> roles.add("group:" + g));
        names(d.get("attachedPolicies")).forEach(p -> roles.add("policy:" + p));
        names(d.get("inlinePolicies")).forEach(p -> roles.add("inline:" + p));
        if (root) {
            roles.add("root");
        }
        boolean active = root || yes(d, "passwordEnabled") || yes(d, "accessKey1Active") || yes(d, "accessKey2Active");
        Boolean mfa = d.containsKey("mfaActive") ? yes(d, "mfaActive") : null;
        List<String> service = List.of(settings.getOrDefault("serviceUsers", "").split("\\s*,\\s*"));
        return new Account(system, text(d, "arn") != null ? text(d, "arn") : name, name, root ? null : email(name, settings), roles,
                root || yes(d, "admin"), mfa, time(text(d, "lastUsed")), time(text(d, "userCreationTime")), active,
                service.contains(name) ? AccountKind.SERVICE : AccountKind.USER);
    }

    private static List<String> names(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Instant time(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
