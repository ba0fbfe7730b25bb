package dev.attest.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start settings: the workspace to create and its first admin.
 *
 * @param adminPassword empty means generate one and print it once to the log
 * @param apiToken      when set at first start, an admin API token with exactly this value is created; it must
 *                      carry at least {@value #MIN_TOKEN_BITS} bits
 * @param apiTokenValidFor how long that token works (default 24 hours): long enough to set Attest up, after which the
 *                      admin makes tokens of their own
 */
@ConfigurationProperties("attest.bootstrap")
record IdentityProperties(String workspace, String adminEmail, String adminPassword, String apiToken,
                          java.time.Duration apiTokenValidFor) {

    static final int MIN_TOKEN_BITS = 128;

    IdentityProperties {
        workspace = blankToDefault(workspace, "default");
        adminEmail = blankToDefault(adminEmail, "admin@localhost");
        apiTokenValidFor = apiTokenValidFor == null ? java.time.Duration.ofHours(24) : apiTokenValidFor;
        if (apiToken != null && !apiToken.isBlank() && tokenBits(apiToken.strip()) < MIN_TOKEN_BITS) {
            throw new IllegalArgumentException("ATTEST_BOOTSTRAP_API_TOKEN (attest.bootstrap.api-token) is too weak: it needs at least "
                    + MIN_TOKEN_BITS + " bits, e.g. 32 random hex digits or 22 random letters and digits (openssl rand -hex 32)");
        }
    }

    /**
     * An upper bound of the token's strength: its length times the bits of the alphabet its characters
     * come from (digits, lower case, upper case, other). A token shorter than this bound allows cannot
     * be strong whatever it is; a longer one is trusted to be random.
     */
    static double tokenBits(String token) {
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        boolean other = false;
        for (char c : token.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else {
                other = true;
            }
        }
        int alphabet = (digit ? 10 : 0) + (lower ? 26 : 0) + (upper ? 26 : 0) + (other ? 32 : 0);
        long distinct = token.chars().distinct().count();
        // A token of few distinct characters (aaaa..., 0101...) is not random, however long.
        return distinct < 8 ? 0 : token.length() * (Math.log(alphabet) / Math.log(2));
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
