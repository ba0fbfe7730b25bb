package dev.attest.privacy.internal;

import dev.attest.crypto.MasterKey;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Seals the requester's personal data with AES-256-GCM under a key derived from the operator's
 * master key, before it reaches the database; each ciphertext is bound to its row. A second derived
 * key makes a keyed hash of an email address, to find submissions by address without storing it.
 */
@Component
class PersonalDataCipher {

    private static final String PURPOSE = "privacy personal data";

    private final MasterKey masterKey;
    private final SecretKeySpec lookupKey;

    PersonalDataCipher(MasterKey masterKey) {
        this.masterKey = masterKey;
        this.lookupKey = new SecretKeySpec(masterKey.derive("privacy address lookup"), "HmacSHA256");
    }

    /** Base64 ciphertext; {@code context} must be given again to open it. */
    String seal(String plaintext, String context) {
        return masterKey.seal(plaintext, PURPOSE, context);
    }

    /** The plaintext; fails when the data, the key or the context does not match. */
    String open(String sealed, String context) {
        return masterKey.open(sealed, PURPOSE, context);
    }

    /** A keyed hash of a value, to find rows by email address without storing the address. */
    String lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
