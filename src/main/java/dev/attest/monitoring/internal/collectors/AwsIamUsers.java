package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.web.InvalidFieldException;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM users ({@code aws.iam.user}): the credential report's rows (MFA, password, both access keys with
 * their last use) joined with each user's groups and policies, and whether any of them makes the user an
 * administrator. The customer managed policies come along, from the same paginated call.
 */
record AwsIamUsers(AwsClients clients, String accountId, FileImports imports, AwsCalls calls) {

    /** Adds the policies, then the users; the root user's last use goes on the account. */
    void read(Map<String, Object> account, List<Resource> resources) {
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        for (Resource row : credentialReport()) {
            users.put(row.id(), new LinkedHashMap<>(row.data()));
        }
        if (!users.isEmpty()) {
            users.values().stream().filter(u -> Boolean.TRUE.equals(u.get("isRoot"))).findFirst()
                    .ifPresent(root -> account.put("rootLastUsed", root.get("passwordLastUsed")));
        }
        authorizationDetails(users, resources);
        for (Map.Entry<String, Map<String, Object>> user : users.entrySet()) {
            Map<String, Object> d = user.getValue();
            d.put("accountId", accountId);
            d.putIfAbsent("groups", List.of());
            d.putIfAbsent("attachedPolicies", List.of());
            d.putIfAbsent("inlinePolicies", List.of());
            d.putIfAbsent("admin", Boolean.TRUE.equals(d.get("isRoot")));
            long active = (Boolean.TRUE.equals(d.get("accessKey1Active")) ? 1 : 0) + (Boolean.TRUE.equals(d.get("accessKey2Active")) ? 1 : 0);
            d.put("activeAccessKeys", active);
            String last = null;
            for (String field : List.of("passwordLastUsed", "accessKey1LastUsed", "accessKey2LastUsed")) {
                if (d.get(field) instanceof String time && (last == null || time.compareTo(last) > 0)) {
                    last = time;
                }
            }
            if (last != null) {
                d.put("lastUsed", last);
            }
            resources.add(new Resource("aws.iam.user", user.getKey(), d));
        }
    }

    /** The credential report's rows as users (MFA, password, both access keys with last use), or none. */
    private List<Resource> credentialReport() {
        return calls.call("iam:GenerateCredentialReport", null, () -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                String state = clients.iam().generateCredentialReport().stateAsString();
                if ("COMPLETE".equals(state)) {
                    break;
                }
                AwsCalls.pause(Math.min(500L * (attempt + 1), 3000L));
            }
            return calls.call("iam:GetCredentialReport", null, () -> {
                String csv = clients.iam().getCredentialReport().content().asUtf8String();
                try {
                    return imports.awsCredentialReport(csv);
                } catch (InvalidFieldException e) {
                    calls.progress().problem("the IAM credential report could not be read: " + e.getMessage());
                    return List.<Resource>of();
                }
            }, List.of());
        }, List.of());
    }

    /** Users with their groups and policies, and customer managed policies, one paginated call. */
    private void authorizationDetails(Map<String, Map<String, Object>> users, List<Resource> resources) {
        calls.call("iam:GetAccountAuthorizationDetails", null, () -> {
            List<UserDetail> userDetails = new ArrayList<>();
            Map<String, GroupDetail> groups = new HashMap<>();
            List<ManagedPolicyDetail> policies = new ArrayList<>();
            GetAccountAuthorizationDetailsRequest request = GetAccountAuthorizationDetailsRequest.builder()
                    .filter(EntityType.USER, EntityType.GROUP, EntityType.LOCAL_MANAGED_POLICY).build();
            for (GetAccountAuthorizationDetailsResponse page : clients.iam().getAccountAuthorizationDetailsPaginator(request)) {
                userDetails.addAll(page.userDetailList());
                page.groupDetailList().forEach(g -> groups.put(g.groupName(), g));
                policies.addAll(page.policies());
            }
            AwsIamPolicies admins = new AwsIamPolicies(accountId, policies, resources);
            for (UserDetail user : userDetails) {
                Map<String, Object> d = users.computeIfAbsent(user.arn(), arn -> new LinkedHashMap<>(Map.of("user", user.userName(),
                        "arn", arn, "isRoot", false)));
                d.put("userName", user.userName());
                if (user.createDate() != null) {
                    d.putIfAbsent("userCreationTime", user.createDate().toString());
                }
                List<String> attached = user.attachedManagedPolicies().stream().map(AttachedPolicy::policyName).sorted().toList();
                List<String> inline = user.userPolicyList().stream().map(PolicyDetail::policyName).sorted().toList();
                boolean admin = admins.grantAdmin(user.attachedManagedPolicies(), user.userPolicyList());
                for (String groupName : user.groupList()) {
                    GroupDetail group = groups.get(groupName);
                    if (group != null) {
                        admin |= admins.grantAdmin(group.attachedManagedPolicies(), group.groupPolicyList());
                    }
                }
                d.put("groups", user.groupList().stream().sorted().toList());
                d.put("attachedPolicies", attached);
                d.put("inlinePolicies", inline);
                d.put("directPolicies", (long) (attached.size() + inline.size()));
                d.put("admin", admin);
            }
            return Boolean.TRUE;
        }, null);
    }
}
