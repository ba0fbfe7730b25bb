package dev.attest.evidence.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.web.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each workspace's Ed25519 signing keys: the public halves in the database (they go into every
 * export), the private halves in the data folder, readable by the application's user only.
 */
@Component
class LedgerKeys {

    record SigningKey(String keyId, PrivateKey privateKey) {

        String sign(byte[] message) {
            try {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(privateKey);
                signer.update(message);
                return Base64.getEncoder().encodeToString(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final JdbcClient jdbc;
    private final Path folder;
    private final Clock clock;

    LedgerKeys(JdbcClient jdbc, @Value("${" + DataDirectory.PROPERTY + "}") String dataDir, Clock clock) {
        this.jdbc = jdbc;
        this.folder = Path.of(dataDir, "ledger-keys");
        this.clock = clock;
    }

    /** Public keys by key id, oldest first. */
    Map<String, String> publicKeys(WorkspaceId workspace) {
        Map<String, String> keys = new LinkedHashMap<>();
        jdbc.sql("select key_id, public_key from ledger_key where workspace_id = ? order by created_at, key_id")
                .param(workspace.value())
                .query((java.sql.ResultSet rs) -> {
                    keys.put(rs.getString(1), rs.getString(2));
                });
        return keys;
    }

    /** The newest key this node holds the private half of, or a new one. */
    SigningKey signingKey(WorkspaceId workspace) {
        var ids = jdbc.sql("select key_id from ledger_key where workspace_id = ? order by created_at desc, key_id")
                .param(workspace.value()).query(String.class).list();
        for (String id : ids) {
            Optional<PrivateKey> key = load(workspace, id);
            if (key.isPresent()) {
                return new SigningKey(id, key.get());
            }
        }
        return create(workspace);
    }

    private Optional<PrivateKey> load(WorkspaceId workspace, String keyId) {
        Path file = folder.resolve(workspace + "-" + keyId + ".ed25519");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file))));
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private SigningKey create(WorkspaceId workspace) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] publicBytes = pair.getPublic().getEncoded();
            String keyId = HexFormat.of().formatHex(LedgerFormat.sha256().digest(publicBytes)).substring(0, 16);
            Files.createDirectories(folder);
            Path file = folder.resolve(workspace + "-" + keyId + ".ed25519");
            Files.write(file, pair.getPrivate().getEncoded(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            jdbc.sql("insert into ledger_key (workspace_id, key_id, public_key, created_at) values (?, ?, ?, ?)")
                    .params(workspace.value(), keyId, Base64.getEncoder().encodeToString(publicBytes),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return new SigningKey(keyId, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
