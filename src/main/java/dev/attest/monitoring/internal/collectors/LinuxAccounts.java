package dev.attest.monitoring.internal.collectors;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;

/**
 * The people who can sign in to a Linux host: accounts with UID 1000 or more from {@code /etc/passwd}
 * (not {@code nobody}), their groups from {@code /etc/group}, whether {@code /etc/sudoers} and
 * {@code /etc/sudoers.d} give them sudo (directly or through a {@code %group}), their login shell and
 * their last login from {@code /var/log/lastlog}. Part of the {@code host.linux} document as {@code accounts}.
 */
@RequiredArgsConstructor
final class LinuxAccounts {

    static final int FIRST_PERSON_UID = 1000;
    private static final int NOBODY = 65534;
    // struct lastlog on 64-bit Linux: int32 time, char line[32], char host[256]
    private static final int LASTLOG_RECORD = 292;
    private static final Set<String> NO_LOGIN = Set.of("/usr/sbin/nologin", "/sbin/nologin", "/bin/false", "/usr/bin/false");

    private final Path root;

    List<Map<String, Object>> read() {
        Map<String, Set<String>> groupsOf = new HashMap<>();
        Map<String, String> groupNames = new HashMap<>();
        for (String line : lines("etc/group")) {
            String[] f = line.split(":", -1);
            if (f.length < 4) {
                continue;
            }
            groupNames.put(f[2], f[0]);
            for (String member : f[3].split(",")) {
                if (!member.isBlank()) {
                    groupsOf.computeIfAbsent(member.strip(), k -> new TreeSet<>()).add(f[0]);
                }
            }
        }
        Sudoers sudoers = sudoers();
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (String line : lines("etc/passwd")) {
            String[] f = line.split(":", -1);
            if (f.length < 7) {
                continue;
            }
            long uid;
            try {
                uid = Long.parseLong(f[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (uid < FIRST_PERSON_UID || uid == NOBODY) {
                continue;
            }
            String user = f[0];
            Set<String> groups = new TreeSet<>(groupsOf.getOrDefault(user, Set.of()));
            String primary = groupNames.get(f[3]);
            if (primary != null) {
                groups.add(primary);
            }
            List<String> sudoRules = sudoers.rulesFor(user, groups);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("user", user);
            a.put("uid", uid);
            a.put("name", f[4].split(",")[0]);
            a.put("home", f[5]);
            a.put("shell", f[6]);
            a.put("canLogIn", !f[6].isBlank() && !NO_LOGIN.contains(f[6]));
            a.put("groups", List.copyOf(groups));
            a.put("sudo", !sudoRules.isEmpty());
            a.put("sudoRules", sudoRules);
            Instant last = lastLogin(uid);
            if (last != null) {
                a.put("lastLogin", last.toString());
            }
            accounts.add(a);
        }
        return accounts;
    }

    /** Who sudo lets in: user names and {@code %group} names with the rule lines that name them. */
    record Sudoers(Map<String, List<String>> byUser, Map<String, List<String>> byGroup) {
        List<String> rulesFor(String user, Set<String> groups) {
            Set<String> rules = new LinkedHashSet<>(byUser.getOrDefault(user, List.of()));
            groups.forEach(g -> rules.addAll(byGroup.getOrDefault(g, List.of())));
            return List.copyOf(rules);
        }
    }

    private Sudoers sudoers() {
        List<String> lines = new ArrayList<>(lines("etc/sudoers"));
        Path dir = root.resolve("etc/sudoers.d");
        if (Files.isDirectory(dir)) {
            // sudo skips files in the directory whose names end in ~ or contain a dot
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> !p.getFileName().toString().contains(".") && !p.getFileName().toString().endsWith("~")).sorted()
                        .forEach(p -> lines.addAll(read(p).lines().toList()));
            } catch (IOException ignored) {
                // an unreadable drop-in directory: the main file still counts
            }
        }
        Map<String, List<String>> byUser = new HashMap<>();
        Map<String, List<String>> byGroup = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@") || line.startsWith("Defaults")
                    || line.matches("^(User|Runas|Host|Cmnd)_Alias\\b.*") || !line.contains("=")) {
                continue;
            }
            String who = line.split("\\s+", 2)[0];
            for (String name : who.split(",")) {
                if (name.startsWith("%")) {
                    byGroup.computeIfAbsent(name.substring(1), k -> new ArrayList<>()).add(line);
                } else {
                    byUser.computeIfAbsent(name, k -> new ArrayList<>()).add(line);
                }
            }
        }
        return new Sudoers(byUser, byGroup);
    }

    private Instant lastLogin(long uid) {
        Path lastlog = root.resolve("var/log/lastlog");
        try (RandomAccessFile file = new RandomAccessFile(lastlog.toFile(), "r")) {
            long offset = uid * LASTLOG_RECORD;
            if (file.length() < offset + 4) {
                return null;
            }
            byte[] time = new byte[4];
            file.seek(offset);
            file.readFully(time);
            long seconds = Integer.toUnsignedLong(ByteBuffer.wrap(time).order(ByteOrder.LITTLE_ENDIAN).getInt());
            return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
        } catch (IOException e) {
            return null;
        }
    }

    private List<String> lines(String file) {
        return read(root.resolve(file)).lines().toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
