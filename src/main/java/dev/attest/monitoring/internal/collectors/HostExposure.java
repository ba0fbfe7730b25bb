package dev.attest.monitoring.internal.collectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;

/**
 * What a Linux host exposes, read from files so that a prepared folder stands in for a host in tests:
 * the TCP ports it listens on with the process behind each ({@code /proc/net/tcp}, {@code tcp6} and the
 * processes' socket descriptors), and the local accounts whose password field is empty ({@code /etc/shadow}).
 */
@RequiredArgsConstructor
final class HostExposure {

    /** Services that should never answer on every interface of a host. */
    static final List<Long> DATABASE_PORTS = List.of(3306L, 5432L, 6379L, 9200L, 11211L, 27017L);

    private final Path root;

    /** One entry per listening address and port: {@code port}, {@code address}, {@code allInterfaces}, {@code process}. */
    List<Map<String, Object>> listening() {
        Map<String, String> processBySocket = processesBySocket();
        Map<String, Map<String, Object>> seen = new LinkedHashMap<>();
        for (String table : List.of("proc/net/tcp", "proc/net/tcp6")) {
            List<String> lines = lines(root.resolve(table));
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).strip().split("\\s+");
                if (f.length < 10 || !f[3].equals("0A")) {
                    continue; // 0A is TCP_LISTEN
                }
                String[] local = f[1].split(":");
                long port = Long.parseLong(local[1], 16);
                String address = address(local[0]);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("port", port);
                entry.put("address", address);
                entry.put("allInterfaces", address.equals("0.0.0.0") || address.equals("::"));
                entry.put("process", processBySocket.getOrDefault(f[9], "unknown"));
                seen.putIfAbsent(address + ":" + port, entry);
            }
        }
        return new ArrayList<>(seen.values());
    }

    /** The ports among {@link #DATABASE_PORTS} that listen on every interface. */
    static List<Long> databasePortsOnAllInterfaces(List<Map<String, Object>> listening) {
        TreeSet<Long> ports = new TreeSet<>();
        for (Map<String, Object> l : listening) {
            if (Boolean.TRUE.equals(l.get("allInterfaces")) && DATABASE_PORTS.contains((Long) l.get("port"))) {
                ports.add((Long) l.get("port"));
            }
        }
        return List.copyOf(ports);
    }

    /** Local accounts with an empty password field: anyone may sign in as them where passwords are accepted. */
    List<String> emptyPasswordUsers() {
        List<String> users = new ArrayList<>();
        for (String line : lines(root.resolve("etc/shadow"))) {
            String[] f = line.split(":", -1);
            if (f.length > 1 && !f[0].isBlank() && f[1].isEmpty()) {
                users.add(f[0]);
            }
        }
        return users;
    }

    /** Whether /etc/shadow could be read at all (the agent runs as root; without it the list above says nothing). */
    boolean shadowReadable() {
        return Files.isReadable(root.resolve("etc/shadow"));
    }

    // /proc/net/tcp holds IPv4 addresses as one little-endian hex word, IPv6 as four of them.
    private static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.chars().allMatch(c -> c == '0')) {
            return "::";
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        StringBuilder out = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            String w = hex.substring(word * 8, word * 8 + 8);
            String be = w.substring(6, 8) + w.substring(4, 6) + w.substring(2, 4) + w.substring(0, 2);
            out.append(word == 0 ? "" : ":").append(be, 0, 4).append(':').append(be, 4, 8);
        }
        return out.toString();
    }

    private Map<String, String> processesBySocket() {
        Map<String, String> byInode = new HashMap<>();
        Path proc = root.resolve("proc");
        if (!Files.isDirectory(proc)) {
            return byInode;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            for (Path pid : pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                Path fds = pid.resolve("fd");
                if (!Files.isDirectory(fds)) {
                    continue;
                }
                String name = lines(pid.resolve("comm")).stream().findFirst().orElse("unknown").strip();
                try (Stream<Path> links = Files.list(fds)) {
                    for (Path fd : links.toList()) {
                        try {
                            String target = Files.isSymbolicLink(fd) ? Files.readSymbolicLink(fd).toString() : Files.readString(fd).strip();
                            if (target.startsWith("socket:[")) {
                                byInode.putIfAbsent(target.substring(8, target.length() - 1), name);
                            }
                        } catch (IOException | RuntimeException ignored) {
                            // a process that ended, or a descriptor we may not read
                        }
                    }
                } catch (IOException ignored) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException ignored) {
            // no process table
        }
        return byInode;
    }

    private static List<String> lines(Path path) {
        try {
            return Files.isReadable(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
