package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Documents;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account's customer managed policies ({@code aws.iam.policy}), and which policies grant every action
 * on every resource: AWS's AdministratorAccess and any customer policy whose default version does.
 */
final class AwsIamPolicies {

    private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private final Set<String> adminPolicies = new TreeSet<>(Set.of(ADMINISTRATOR_ACCESS));

    /** Reads the customer managed policies, adding one resource each. */
    AwsIamPolicies(String accountId, List<ManagedPolicyDetail> policies, List<Resource> resources) {
        for (ManagedPolicyDetail policy : policies) {
            boolean full = policy.policyVersionList().stream().filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
                    .map(PolicyVersion::document).anyMatch(AwsIamPolicies::grantsEverything);
            if (full) {
                adminPolicies.add(policy.arn());
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("accountId", accountId);
            d.put("name", policy.policyName());
            d.put("arn", policy.arn());
            long attachments = policy.attachmentCount() == null ? 0 : policy.attachmentCount();
            d.put("attachmentCount", attachments);
            d.put("attached", attachments > 0);
            d.put("grantsFullAdmin", full);
            resources.add(new Resource("aws.iam.policy", policy.arn(), d));
        }
    }

    /** Whether a user's or a group's managed or inline policies make it an administrator. */
    boolean grantAdmin(List<AttachedPolicy> attached, List<PolicyDetail> inline) {
        return attached.stream().anyMatch(p -> adminPolicies.contains(p.policyArn()))
                || inline.stream().anyMatch(p -> grantsEverything(p.policyDocument()));
    }

    /** Whether a policy document (IAM returns it URL-encoded) allows every action on every resource. */
    static boolean grantsEverything(String document) {
        if (document == null || document.isBlank()) {
            return false;
        }
        String json = document.strip().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
        Map<String, Object> policy;
        try {
            policy = Documents.read(json);
        } catch (RuntimeException e) {
            return false;
        }
        Object statements = policy.get("Statement");
        List<?> list = statements instanceof List<?> l ? l : statements == null ? List.of() : List.of(statements);
        for (Object item : list) {
            if (item instanceof Map<?, ?> statement && "Allow".equals(statement.get("Effect"))
                    && names(statement.get("Action")).contains("*") && names(statement.get("Resource")).contains("*")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
