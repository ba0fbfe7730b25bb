package dev.attest.monitoring.internal.collectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;

/**
 * File integrity of a list of paths: each file's SHA-256 compared with the previous run's, kept in a
 * state file beside the agent (one {@code sha256  path} line per file, as sha256sum writes them). The
 * first run sets the baseline; later runs report what changed, appeared or disappeared since the one before.
 */
@RequiredArgsConstructor
public final class FileIntegrity {

    /** Watched when the agent is given no {@code --watch}: who may sign in, and as what. */
    public static final List<String> DEFAULT_PATHS = List.of("/etc/passwd", "/etc/shadow", "/etc/group", "/etc/sudoers",
            "/etc/ssh/sshd_config", "/etc/crontab");

    private static final String MISSING = "missing";

    private final Path state;

    /** Hashes the paths, compares them with the stored ones, stores the new ones and returns what it found. */
    public Map<String, Object> check(List<Path> paths) throws IOException {
        Map<String, String> previous = read();
        Map<String, String> current = new TreeMap<>();
        for (Path path : paths) {
            current.put(path.toString(), hash(path));
        }
        List<String> changed = new ArrayList<>();
        List<String> appeared = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean baseline = previous.isEmpty();
        if (!baseline) {
            current.forEach((path, sha) -> {
                String before = previous.get(path);
                if (before == null) {
                    return; // newly watched: its first hash is its baseline
                }
                if (before.equals(MISSING) && !sha.equals(MISSING)) {
                    appeared.add(path);
                } else if (!before.equals(MISSING) && sha.equals(MISSING)) {
                    removed.add(path);
                } else if (!before.equals(sha)) {
                    changed.add(path);
                }
            });
        }
        write(current);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("watched", current.keySet().stream().toList());
        result.put("baseline", baseline);
        result.put("changed", changed);
        result.put("appeared", appeared);
        result.put("removed", removed);
        return result;
    }

    private static String hash(Path path) throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return MISSING;
        }
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isRegularFile(state)) {
            return hashes;
        }
        for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
            int gap = line.indexOf("  ");
            if (gap > 0) {
                hashes.put(line.substring(gap + 2), line.substring(0, gap));
            }
        }
        return hashes;
    }

    private void write(Map<String, String> hashes) throws IOException {
        StringBuilder out = new StringBuilder();
        hashes.forEach((path, sha) -> out.append(sha).append("  ").append(path).append('\n'));
        if (state.getParent() != null) {
            Files.createDirectories(state.getParent());
        }
        Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(temporary, out, StandardCharsets.UTF_8);
        Files.move(temporary, state, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
