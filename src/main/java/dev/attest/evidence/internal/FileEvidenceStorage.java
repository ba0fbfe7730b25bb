package dev.attest.evidence.internal;

import dev.attest.web.DataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Evidence files under {@code <data folder>/evidence/ab/cd/<sha256>}. A file is written to a temporary
 * name, forced to disk, then renamed into place, so that a crash never leaves a partial file under
 * a content address.
 */
@Component
@ConditionalOnProperty(name = "attest.evidence.storage", havingValue = "file", matchIfMissing = true)
class FileEvidenceStorage implements EvidenceStorage {

    private final Path root;
    private final Path incoming;

    @Autowired
    FileEvidenceStorage(@Value("${" + DataDirectory.PROPERTY + "}") String dataDir) throws IOException {
        this(Path.of(dataDir, "evidence"));
    }

    /** The store under this folder, for commands that read a data folder without the application. */
    FileEvidenceStorage(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public Stored put(InputStream content, long maxBytes) throws IOException {
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = LedgerFormat.sha256();
        long size = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = content.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Path target = pathOf(sha);
        if (Files.exists(target)) {
            Files.delete(temp);
            return new Stored(sha, size);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            if (!Files.exists(target)) {
                throw e;
            }
        }
        forceDirectory(target.getParent());
        return new Stored(sha, size);
    }

    // The rename is only durable once the directory entry itself is on disk.
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot open a directory for sync; the rename is still atomic there.
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public void forEachStored(BiConsumer<String, Instant> action) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (SHA256.matcher(name).matches() && Files.isRegularFile(file)) {
                    action.accept(name, Files.getLastModifiedTime(file).toInstant());
                }
            }
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Path pathOf(String sha) {
        if (!SHA256.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

}
