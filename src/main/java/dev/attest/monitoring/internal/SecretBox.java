package dev.attest.monitoring.internal;

import dev.attest.web.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts connection secrets with AES-256-GCM. The key is {@code ATTEST_MASTER_KEY} (base64, 32 bytes)
 * or, when that is unset, a key generated once into {@code <data folder>/master.key}, readable by the
 * application's user only. Each value gets a fresh 96-bit nonce, stored in front of the ciphertext.
 */
@Component
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    SecretBox(@Value("${attest.monitoring.master-key:}") String configured,
              @Value("${" + DataDirectory.PROPERTY + "}") String dataDir) {
        this.key = new SecretKeySpec(keyBytes(configured, Path.of(dataDir, "master.key")), "AES");
    }

    private static byte[] keyBytes(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("ATTEST_MASTER_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
            }
            return bytes;
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX: the data folder's permissions protect it
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }

    public String seal(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts; a value sealed under another key fails (GCM authenticates it). */
    public String open(String sealed) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
        return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
    }
}
