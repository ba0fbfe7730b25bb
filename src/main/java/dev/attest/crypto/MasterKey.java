package dev.attest.crypto;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The operator's key, from which every module derives its own keys: {@code ATTEST_MASTER_KEY}
 * (32 bytes, Base64) or, when unset, {@code master.key} in the data folder, created once with owner-only
 * permissions. The database never holds it, so a stolen database dump reveals no sealed field.
 *
 * <p>{@link #seal}/{@link #open} encrypt a field with AES-256-GCM under the key derived for a purpose,
 * bound to a context (usually the row id) so a ciphertext cannot be moved to another row.
 */
@Component
public class MasterKey {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public MasterKey(@Value("${attest.master-key:}") String configured, @Value("${attest.data-dir}") String dataDir) {
        this.key = configured == null || configured.isBlank() ? keyFile(Path.of(dataDir, "master.key")) : decode(configured.strip());
    }

    /** A 32-byte key for one purpose (e.g. "privacy personal data"), the same on every start. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("attest/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** The DER prefixes of an Ed25519 private key (PKCS#8, the 32-byte seed follows) and public key (X.509, the raw key follows). */
    private static final byte[] PKCS8_ED25519 = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X509_ED25519 = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * An Ed25519 key pair for one purpose (e.g. a workspace's ledger checkpoints), derived from the
     * master key: the same on every node and every start, and never stored. Its public half is what
     * auditors pin, so a key swapped in the database cannot sign checkpoints that verify.
     */
    public KeyPair signingKeyPair(String purpose) {
        byte[] seed = derive("ed25519 " + purpose);
        var privateKey = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0);
        byte[] publicKey = privateKey.generatePublicKey().getEncoded();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(concat(X509_ED25519, publicKey))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_ED25519, seed))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JRE since 15", e);
        }
    }

    private static byte[] concat(byte[] prefix, byte[] body) {
        return ByteBuffer.allocate(prefix.length + body.length).put(prefix).put(body).array();
    }

    /** Base64 of version, IV and ciphertext; open it with the same purpose and context. */
    public String seal(String plaintext, String purpose, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive(purpose), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** The plaintext; fails when the key, purpose, context or data does not match. */
    public String open(String sealed, String purpose, String context) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(sealed));
            if (buffer.get() != VERSION) {
                throw new IllegalStateException("Unknown ciphertext version");
            }
            byte[] iv = new byte[IV_BYTES];
            buffer.get(iv);
            byte[] body = new byte[buffer.remaining()];
            buffer.get(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derive(purpose), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(body), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new IllegalStateException("Cannot decrypt: wrong key or tampered data", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ATTEST_MASTER_KEY must be 32 bytes in Base64 (openssl rand -base64 32)", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("ATTEST_MASTER_KEY must be 32 bytes in Base64 (openssl rand -base64 32), got " + bytes.length);
        }
        return bytes;
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // Not a POSIX file system: the folder's own permissions protect it.
                    }
                } catch (FileAlreadyExistsException raced) {
                    // Another node or thread created it first: use theirs.
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }
}
