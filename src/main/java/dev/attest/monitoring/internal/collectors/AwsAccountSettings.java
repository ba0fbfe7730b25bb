package dev.attest.monitoring.internal.collectors;

import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;

import java.util.Map;

/** The account's IAM settings on its {@code aws.iam.account} document: the root user, MFA in use, the password policy. */
final class AwsAccountSettings {

    private AwsAccountSettings() {
    }

    static void read(AwsClients clients, AwsCalls calls, Map<String, Object> account) {
        Map<String, Integer> summary = calls.call("iam:GetAccountSummary", null, () -> clients.iam().getAccountSummary().summaryMapAsStrings(), null);
        if (summary != null) {
            account.put("rootMfaEnabled", summary.getOrDefault("AccountMFAEnabled", 0) > 0);
            account.put("rootAccessKeysPresent", summary.getOrDefault("AccountAccessKeysPresent", 0) > 0);
            account.put("users", (long) summary.getOrDefault("Users", 0));
            account.put("mfaDevicesInUse", (long) summary.getOrDefault("MFADevicesInUse", 0));
        }
        PasswordPolicy policy = calls.call("iam:GetAccountPasswordPolicy", null, () -> {
            try {
                return clients.iam().getAccountPasswordPolicy().passwordPolicy();
            } catch (NoSuchEntityException e) {
                return PasswordPolicy.builder().build(); // the account has none: AWS's defaults apply
            }
        }, null);
        if (policy != null) {
            account.put("passwordPolicySet", policy.minimumPasswordLength() != null);
            account.put("minimumPasswordLength", orZero(policy.minimumPasswordLength()));
            account.put("requireSymbols", Boolean.TRUE.equals(policy.requireSymbols()));
            account.put("requireNumbers", Boolean.TRUE.equals(policy.requireNumbers()));
            account.put("requireUppercase", Boolean.TRUE.equals(policy.requireUppercaseCharacters()));
            account.put("requireLowercase", Boolean.TRUE.equals(policy.requireLowercaseCharacters()));
            account.put("passwordReusePrevention", orZero(policy.passwordReusePrevention()));
            account.put("maxPasswordAge", orZero(policy.maxPasswordAge()));
        }
    }

    /** A number AWS may leave out, as the document's 64-bit integer (0 when absent). */
    static long orZero(Integer value) {
        return value == null ? 0L : (long) value;
    }
}
