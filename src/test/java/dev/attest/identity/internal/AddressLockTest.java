package dev.attest.identity.internal;

import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.LockedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Locking a client address: driven through the throttle itself with a documentation address
 * (TEST-NET-2), because every HTTP test shares 127.0.0.1 and must not lock it.
 */
@AttestTest
class AddressLockTest {

    @Autowired
    SignInThrottle throttle;

    @Test
    void anAddressWithTooManyFailuresIsLockedWhateverTheAccount() {
        String address = "198.51.100." + (int) (Math.random() * 250 + 1);
        for (int i = 0; i < throttle.addressLockAfter(); i++) {
            throttle.failed(null, "guess" + i + "@example.test", address, "wrong email or password");
        }

        assertThatThrownBy(() -> throttle.before(null, address))
                .isInstanceOf(LockedException.class)
                .hasMessageContaining("Too many failed sign-ins from your network address");
        assertThat(address).startsWith("198.51.100.");
    }
}
