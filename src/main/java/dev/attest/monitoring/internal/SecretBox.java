package dev.attest.monitoring.internal;

import dev.attest.crypto.MasterKey;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;

/**
 * Encrypts connection secrets (passwords, tokens) with AES-256-GCM under the key the operator's
 * {@link MasterKey} derives for them, so the database alone never reveals a credential.
 */
@Component
@RequiredArgsConstructor
public class SecretBox {

    private static final String PURPOSE = "monitoring connection secrets";

    private final MasterKey masterKey;

    public String seal(String plain) {
        return masterKey.seal(plain, PURPOSE, "");
    }

    /** Decrypts; a value sealed under another key fails (GCM authenticates it). */
    public String open(String sealed) throws GeneralSecurityException {
        try {
            return masterKey.open(sealed, PURPOSE, "");
        } catch (IllegalStateException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }
}
