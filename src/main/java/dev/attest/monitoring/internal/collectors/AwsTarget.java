package dev.attest.monitoring.internal.collectors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code aws} connection points at: an account id ({@code 123456789012}) read with an access key,
 * or a role ARN ({@code arn:aws:iam::123456789012:role/AttestAudit}) assumed through STS, optionally
 * followed by {@code @https://host:port}, an AWS-compatible endpoint every service is called at (a local
 * emulator, or the tests' stand-in); without it the SDK reaches AWS's own regional endpoints.
 *
 * @param accountId the twelve-digit account
 * @param roleArn   the role to assume, or null for an access key of the account itself
 * @param endpoint  the endpoint override, or null
 */
public record AwsTarget(String accountId, String roleArn, URI endpoint) {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROLE = Pattern.compile("arn:aws(-[a-z]+)*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");

    /** Reads a target, or says in one sentence what shape it should have. */
    public static AwsTarget parse(String target) {
        String value = target == null ? "" : target.strip();
        URI endpoint = null;
        int at = value.lastIndexOf("@http");
        if (at >= 0) {
            String url = value.substring(at + 1);
            value = value.substring(0, at);
            try {
                endpoint = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("the endpoint after '@' is not a valid URL");
            }
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null
                    || (endpoint.getPath() != null && !endpoint.getPath().isEmpty() && !endpoint.getPath().equals("/"))
                    || endpoint.getQuery() != null || endpoint.getUserInfo() != null) {
                throw new IllegalArgumentException("the endpoint after '@' is an http(s)://host:port URL without a path");
            }
        }
        if (ACCOUNT.matcher(value).matches()) {
            return new AwsTarget(value, null, endpoint);
        }
        Matcher role = ROLE.matcher(value);
        if (role.matches()) {
            return new AwsTarget(role.group(2), value, endpoint);
        }
        throw new IllegalArgumentException("write the 12-digit account id, or the ARN of the role to assume "
                + "(arn:aws:iam::123456789012:role/AttestAudit)");
    }
}
