package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerKey;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.DataDirectory;
import dev.attest.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's Ed25519 checkpoint key. The key is derived from the operator's {@link MasterKey}, so
 * every node signs with the same key and nothing in the database decides which key is trusted: the
 * public halves listed in {@code ledger_key} only go into exports, verification pins the derived key
 * (and, for checkpoints signed before keys were derived, the keys whose private halves are in the data
 * folder's {@code ledger-keys}).
 */
@Component
class LedgerKeys {

    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);
    private static final byte[] X509_ED25519 = HexFormat.of().parseHex("302a300506032b6570032100");

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

    private final LedgerStore store;
    private final Path folder;
    private final Clock clock;
    private final MasterKey master;
    private final Map<WorkspaceId, KeyPair> derived = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, Boolean> listed = new ConcurrentHashMap<>();

    LedgerKeys(LedgerStore store, @Value("${" + DataDirectory.PROPERTY + "}") String dataDir, Clock clock, MasterKey master) {
        this.store = store;
        this.folder = Path.of(dataDir, "ledger-keys");
        this.clock = clock;
        this.master = master;
    }

    private KeyPair derived(WorkspaceId workspace) {
        return derived.computeIfAbsent(workspace, w -> master.signingKeyPair("evidence ledger checkpoints " + w));
    }

    /** The key new checkpoints are signed with; its public half is listed in the database for exports. */
    SigningKey signingKey(WorkspaceId workspace) {
        KeyPair pair = derived(workspace);
        String keyId = LedgerFormat.keyId(pair.getPublic());
        listed.computeIfAbsent(workspace, w -> {
            store.listKey(w, keyId, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), clock.instant());
            return true;
        });
        return new SigningKey(keyId, pair.getPrivate());
    }

    /** The keys whose checkpoints count, the current one first; none of them comes from the database. */
    List<LedgerKey> pinned(WorkspaceId workspace) {
        List<LedgerKey> keys = new ArrayList<>();
        keys.add(describe(derived(workspace).getPublic(), true));
        for (PublicKey legacy : legacy(workspace)) {
            keys.add(describe(legacy, false));
        }
        return keys;
    }

    /** The pinned keys as a verification policy's trust (no anchors, no freshness rule yet). */
    Map<String, PublicKey> pinnedByKeyId(WorkspaceId workspace) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(LedgerFormat.keyId(derived(workspace).getPublic()), derived(workspace).getPublic());
        for (PublicKey legacy : legacy(workspace)) {
            keys.putIfAbsent(LedgerFormat.keyId(legacy), legacy);
        }
        return keys;
    }

    private static LedgerKey describe(PublicKey key, boolean current) {
        String fingerprint = LedgerFormat.fingerprint(key);
        return new LedgerKey(fingerprint.substring(0, 16), "Ed25519", Base64.getEncoder().encodeToString(key.getEncoded()), fingerprint,
                current);
    }

    /** Public halves of the random keys older versions kept in the data folder, derived from their private halves. */
    private List<PublicKey> legacy(WorkspaceId workspace) {
        List<PublicKey> keys = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, workspace + "-*.ed25519")) {
            for (Path file : files) {
                try {
                    var key = org.bouncycastle.crypto.util.PrivateKeyFactory.createKey(Files.readAllBytes(file));
                    if (key instanceof org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters ed25519) {
                        keys.add(LedgerFormat.publicKey(Base64.getEncoder().encodeToString(
                                concat(X509_ED25519, ed25519.generatePublicKey().getEncoded()))));
                    }
                } catch (IOException | RuntimeException unreadable) {
                    log.warn("Ignoring unreadable ledger key file {}", file);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the ledger key folder {}", folder);
        }
        return keys;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Public keys by key id for an export: the pinned ones first, then any other the database lists. */
    Map<String, String> publicKeys(WorkspaceId workspace) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (LedgerKey key : pinned(workspace)) {
            keys.put(key.keyId(), key.publicKey());
        }
        store.forEachListedKey(workspace, (keyId, publicKey) -> {
            if (!publicKey.equals(keys.get(keyId))) {
                keys.putIfAbsent(keyId, publicKey);
            }
        });
        return keys;
    }

    /** Prints every ledger's key fingerprint at start, so that the operator can hand it to auditors from the log too. */
    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        for (UUID workspace : store.workspaces()) {
            log.info("Evidence ledger of workspace {}: checkpoints are signed by Ed25519 key {} (fingerprint SHA-256 {})", workspace,
                    LedgerFormat.keyId(derived(new WorkspaceId(workspace)).getPublic()),
                    LedgerFormat.fingerprint(derived(new WorkspaceId(workspace)).getPublic()));
        }
    }
}
