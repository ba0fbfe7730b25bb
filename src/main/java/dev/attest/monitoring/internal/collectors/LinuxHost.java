package dev.attest.monitoring.internal.collectors;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the Linux host it runs on into a {@code host.linux} document: effective sshd settings,
 * automatic security updates, firewall, disk encryption, audit daemon, time sync, and the accounts
 * people sign in with (see {@link LinuxAccounts}). Each fact
 * is read from the system's own files and tools; what cannot be read counts as "not in place".
 */
public final class LinuxHost {

    private final Path root;

    /** The running system. */
    public LinuxHost() {
        this(Path.of("/"));
    }

    /** A system mounted elsewhere (tests point it at a prepared folder). */
    public LinuxHost(Path root) {
        this.root = root;
    }

    public Map<String, Object> read() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hostname", hostname());
        Map<String, String> osRelease = keyValues(file("etc/os-release"), "=");
        data.put("os", osRelease.getOrDefault("PRETTY_NAME", "Linux").replace("\"", ""));
        data.put("kernel", System.getProperty("os.version"));
        sshd(data);
        data.put("automaticUpdates", automaticUpdates());
        String firewall = firewall();
        data.put("firewall", firewall);
        data.put("firewallActive", !"none".equals(firewall));
        List<String> encrypted = encryptedVolumes();
        data.put("encryptedVolumes", encrypted);
        data.put("diskEncryption", !encrypted.isEmpty());
        data.put("auditd", running("auditd"));
        String timeSync = timeSync();
        data.put("timeSyncService", timeSync);
        data.put("timeSync", !"none".equals(timeSync));
        data.put("accounts", new LinuxAccounts(root).read());
        HostExposure exposure = new HostExposure(root);
        List<Map<String, Object>> listening = exposure.listening();
        data.put("listening", listening);
        data.put("databasePortsOnAllInterfaces", HostExposure.databasePortsOnAllInterfaces(listening));
        if (exposure.shadowReadable()) {
            data.put("emptyPasswordUsers", exposure.emptyPasswordUsers());
        }
        pendingUpdates(data);
        return data;
    }

    /** Updates the package manager would install now (apt, simulated), and how many come from a security archive. */
    private void pendingUpdates(Map<String, Object> data) {
        if (!root.equals(Path.of("/"))) {
            String listed = file("var/lib/attest-agent/apt-upgrade-simulation");
            if (!listed.isEmpty()) {
                countUpdates(listed, data);
            }
            return;
        }
        if (Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            countUpdates(run("apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade"), data);
        }
    }

    static void countUpdates(String simulation, Map<String, Object> data) {
        long all = 0;
        long security = 0;
        for (String line : simulation.lines().toList()) {
            if (line.startsWith("Inst ")) {
                all++;
                if (line.toLowerCase(java.util.Locale.ROOT).contains("security")) {
                    security++;
                }
            }
        }
        data.put("pendingUpdates", all);
        data.put("pendingSecurityUpdates", security);
    }

    private String hostname() {
        String name = file("etc/hostname").strip();
        if (!name.isEmpty()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Effective settings from {@code sshd -T} when allowed, else the config files (first value wins, as sshd reads them). */
    private void sshd(Map<String, Object> data) {
        Map<String, String> settings = new LinkedHashMap<>();
        String effective = root.equals(Path.of("/")) ? run("sshd", "-T") : "";
        if (!effective.isBlank()) {
            effective.lines().forEach(line -> {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length == 2) settings.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), parts[1]);
            });
        } else {
            List<String> lines = new ArrayList<>();
            Path dropIns = root.resolve("etc/ssh/sshd_config.d");
            if (Files.isDirectory(dropIns)) {
                try (Stream<Path> files = Files.list(dropIns)) {
                    files.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(p -> lines.addAll(read(p).lines().toList()));
                } catch (IOException ignored) {
                    // unreadable drop-ins: the main file still counts
                }
            }
            lines.addAll(file("etc/ssh/sshd_config").lines().toList());
            for (String line : lines) {
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#") || stripped.toLowerCase(Locale.ROOT).startsWith("match ")) {
                    if (stripped.toLowerCase(Locale.ROOT).startsWith("match ")) break;
                    continue;
                }
                String[] parts = stripped.split("\\s+", 2);
                if (parts.length == 2) settings.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), parts[1].strip());
            }
        }
        boolean present = Files.exists(root.resolve("etc/ssh/sshd_config")) || !effective.isBlank();
        data.put("sshd", present);
        // OpenSSH's own defaults where the files say nothing.
        data.put("sshPermitRootLogin", settings.getOrDefault("permitrootlogin", "prohibit-password").toLowerCase(Locale.ROOT));
        data.put("sshPasswordAuthentication", settings.getOrDefault("passwordauthentication", "yes").toLowerCase(Locale.ROOT));
        data.put("sshPermitEmptyPasswords", settings.getOrDefault("permitemptypasswords", "no").toLowerCase(Locale.ROOT));
        data.put("sshX11Forwarding", settings.getOrDefault("x11forwarding", "no").toLowerCase(Locale.ROOT));
        long tries;
        try {
            tries = Long.parseLong(settings.getOrDefault("maxauthtries", "6"));
        } catch (NumberFormatException e) {
            tries = 6;
        }
        data.put("sshMaxAuthTries", tries);
    }

    private boolean automaticUpdates() {
        String apt = file("etc/apt/apt.conf.d/20auto-upgrades") + file("etc/apt/apt.conf.d/50unattended-upgrades-local");
        if (apt.matches("(?s).*APT::Periodic::Unattended-Upgrade\\s+\"1\".*")) {
            return true;
        }
        String dnf = file("etc/dnf/automatic.conf");
        return dnf.matches("(?s).*apply_updates\\s*=\\s*(yes|true|1).*")
                && Files.exists(root.resolve("etc/systemd/system/timers.target.wants/dnf-automatic.timer"));
    }

    private String firewall() {
        if (file("etc/ufw/ufw.conf").matches("(?s).*ENABLED\\s*=\\s*yes.*")) {
            return "ufw";
        }
        if (root.equals(Path.of("/"))) {
            if (run("firewall-cmd", "--state").strip().equals("running")) {
                return "firewalld";
            }
            String nft = run("nft", "list", "ruleset");
            if (nft.contains("policy drop") || nft.contains("drop")) {
                return "nftables";
            }
            String iptables = run("iptables", "-S");
            if (iptables.contains("-P INPUT DROP") || iptables.contains("-j DROP") || iptables.contains("-j REJECT")) {
                return "iptables";
            }
        }
        return "none";
    }

    private List<String> encryptedVolumes() {
        List<String> volumes = new ArrayList<>();
        for (String line : file("etc/crypttab").lines().toList()) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                volumes.add(stripped.split("\\s+")[0]);
            }
        }
        Path mapper = root.resolve("sys/block");
        if (Files.isDirectory(mapper)) {
            try (Stream<Path> blocks = Files.list(mapper)) {
                blocks.forEach(block -> {
                    String uuid = read(block.resolve("dm/uuid"));
                    if (uuid.startsWith("CRYPT-")) {
                        volumes.add(read(block.resolve("dm/name")).strip());
                    }
                });
            } catch (IOException ignored) {
                // no device-mapper information
            }
        }
        return volumes.stream().distinct().toList();
    }

    private String timeSync() {
        for (String service : List.of("chronyd", "systemd-timesyncd", "ntpd", "openntpd")) {
            if (running(service)) {
                return service;
            }
        }
        return "none";
    }

    /** Whether a process of that name runs, read from /proc so that it works without systemd. */
    boolean running(String name) {
        Path proc = root.resolve("proc");
        if (!Files.isDirectory(proc)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> read(p.resolve("comm")).strip().equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    private String file(String relative) {
        return read(root.resolve(relative));
    }

    private static String read(Path path) {
        try {
            return Files.isReadable(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Map<String, String> keyValues(String text, String separator) {
        Map<String, String> values = new LinkedHashMap<>();
        text.lines().forEach(line -> {
            int at = line.indexOf(separator);
            if (at > 0) values.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
        });
        return values;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
