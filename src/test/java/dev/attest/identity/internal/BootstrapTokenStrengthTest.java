package dev.attest.identity.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bootstrap token needs at least 128 bits, and works for 24 hours unless the operator says otherwise. */
class BootstrapTokenStrengthTest {

    private static IdentityProperties withToken(String token) {
        return new IdentityProperties("default", "admin@localhost", "", token, null);
    }

    @Test
    void aShortOrRepetitiveTokenStopsStartUp() {
        for (String weak : new String[]{"changeme", "admin-token-2026", "0123456789abcdef0123", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
            assertThatThrownBy(() -> withToken(weak)).as(weak).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 128 bits");
        }
    }

    @Test
    void aRandomTokenIsTakenAndExpiresInADayByDefault() {
        IdentityProperties properties = withToken("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

        assertThat(properties.apiTokenValidFor()).isEqualTo(Duration.ofHours(24));
        assertThat(IdentityProperties.tokenBits("9f86d081884c7d659a2feaa0c55ad015")).isGreaterThanOrEqualTo(128);
        assertThat(withToken("").apiToken()).isEmpty();
    }
}
