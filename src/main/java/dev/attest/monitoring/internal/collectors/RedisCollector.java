package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector;
import dev.attest.monitoring.internal.CredentialField;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Redis server's security settings into one {@code redis.server}: whether it answers without
 * authentication, ACL users without a password, protected mode, bound interfaces, the TLS port, which
 * dangerous commands the connecting user can still run (renamed or denied ones cannot), persistence
 * and the version. The target is {@code host:port}; optional secrets {@code username} and
 * {@code password}.
 * <p>
 * It speaks RESP over a plain socket: the handful of commands needed do not justify a client library.
 */
@Component
public class RedisCollector implements Collector {

    /** Commands that wipe, reconfigure or stop the server, or block it on a large keyspace. */
    static final List<String> DANGEROUS = List.of("FLUSHALL", "FLUSHDB", "CONFIG", "DEBUG", "SHUTDOWN", "KEYS", "MODULE", "SCRIPT");

    private static final int TIMEOUT_MS = 8000;

    @Override
    public Description description() {
        return Description.of("redis", "host:port, e.g. cache.internal:6379", "redis.server")
                .withCredentials(CredentialField.userAndPassword());
    }

    @Override
    public List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed {
        String server = target.strip().replaceFirst("^redis://", "").replaceFirst("/.*$", "");
        int colon = server.lastIndexOf(':');
        String host = colon > 0 ? server.substring(0, colon) : server;
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(server.substring(colon + 1)) : 6379;
        } catch (NumberFormatException e) {
            throw new CollectionFailed("'" + target + "' is not host:port");
        }
        String id = host + ":" + port;
        progress.report("connecting to " + id);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server", id);
        try {
            // A fresh connection without credentials tells whether the server lets anyone in.
            try (Resp anonymous = new Resp(host, port)) {
                Object pong = anonymous.call("PING");
                d.put("authRequired", pong instanceof RespError e && e.message().startsWith("NOAUTH"));
            }
            try (Resp redis = new Resp(host, port)) {
                String password = secrets.getOrDefault("password", "");
                String username = secrets.getOrDefault("username", "");
                if (!password.isEmpty()) {
                    Object auth = username.isEmpty() ? redis.call("AUTH", password) : redis.call("AUTH", username, password);
                    if (auth instanceof RespError e) {
                        throw new CollectionFailed("Redis at " + id + " refused the credentials: " + e.message());
                    }
                }
                if (redis.call("PING") instanceof RespError e) {
                    throw new CollectionFailed("Redis at " + id + " refused the connection: " + e.message());
                }
                progress.report("reading settings");
                Map<String, String> info = info(redis.call("INFO", "server") + "\n" + redis.call("INFO", "persistence"));
                d.put("version", info.getOrDefault("redis_version", ""));
                d.put("majorVersion", major(info.getOrDefault("redis_version", "0")));
                Map<String, String> config = config(redis);
                d.put("configReadable", !config.isEmpty());
                d.put("requirepass", !config.getOrDefault("requirepass", "").isEmpty());
                d.put("protectedMode", "yes".equalsIgnoreCase(config.getOrDefault("protected-mode", "")));
                List<String> bind = Arrays.stream(config.getOrDefault("bind", "").split("\\s+")).filter(s -> !s.isBlank()).toList();
                d.put("bind", bind);
                d.put("boundToAllInterfaces", bind.isEmpty() || bind.stream().anyMatch(b -> b.replace("-", "").equals("*")
                        || b.replace("-", "").equals("0.0.0.0") || b.replace("-", "").equals("::")));
                long tlsPort = parseLong(config.getOrDefault("tls-port", "0"));
                d.put("tlsPort", tlsPort);
                d.put("plainPort", parseLong(config.getOrDefault("port", String.valueOf(port))));
                d.put("snapshotting", !config.getOrDefault("save", "").isBlank());
                d.put("appendOnly", "yes".equalsIgnoreCase(config.getOrDefault("appendonly", "")));
                d.put("lastSaveOk", !"err".equalsIgnoreCase(info.getOrDefault("rdb_last_bgsave_status", "ok")));
                progress.report("reading users and commands");
                users(redis, d);
                String me = username.isEmpty() ? "default" : username;
                List<String> runnable = new ArrayList<>();
                for (String command : DANGEROUS) {
                    List<String> call = new ArrayList<>(List.of("ACL", "DRYRUN", me, command.toLowerCase(Locale.ROOT)));
                    call.addAll(dryRunArguments(command));
                    if ("OK".equals(redis.call(call.toArray(String[]::new)))) {
                        runnable.add(command);
                    }
                }
                d.put("dangerousCommands", runnable);
            }
        } catch (IOException e) {
            throw new CollectionFailed("Redis at " + id + " is not reachable: " + e.getMessage(), e);
        }
        return List.of(new Resource("redis.server", id, d));
    }

    /** ACL DRYRUN needs a well-formed call: give each command an argument it accepts. */
    private static List<String> dryRunArguments(String command) {
        return switch (command) {
            case "CONFIG" -> List.of("GET", "maxmemory");
            case "DEBUG" -> List.of("SLEEP", "0");
            case "KEYS" -> List.of("*");
            case "MODULE" -> List.of("LIST");
            case "SCRIPT" -> List.of("FLUSH");
            case "SHUTDOWN" -> List.of("NOSAVE");
            default -> List.of("ASYNC");
        };
    }

    private static void users(Resp redis, Map<String, Object> d) throws IOException {
        List<String> withoutPassword = new ArrayList<>();
        List<String> users = new ArrayList<>();
        if (redis.call("ACL", "LIST") instanceof List<?> rules) {
            for (Object rule : rules) {
                // "user <name> on|off [nopass] [#hash...] ..."
                List<String> words = List.of(String.valueOf(rule).split(" "));
                if (words.size() < 3) {
                    continue;
                }
                users.add(words.get(1));
                if (words.contains("on") && words.contains("nopass")) {
                    withoutPassword.add(words.get(1));
                }
            }
        }
        d.put("users", users);
        d.put("usersWithoutPassword", withoutPassword);
        d.put("aclReadable", !users.isEmpty());
    }

    private static Map<String, String> config(Resp redis) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        for (String name : List.of("requirepass", "protected-mode", "bind", "tls-port", "port", "save", "appendonly")) {
            if (redis.call("CONFIG", "GET", name) instanceof List<?> pair && pair.size() == 2) {
                config.put(String.valueOf(pair.get(0)), String.valueOf(pair.get(1)));
            }
        }
        return config;
    }

    private static Map<String, String> info(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    private static long major(String version) {
        return parseLong(version.replaceFirst("\\..*$", ""));
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /** An error reply of the server, e.g. {@code NOAUTH Authentication required.} */
    record RespError(String message) {
    }

    /** One RESP2 connection: commands as arrays of bulk strings, replies parsed into Java values. */
    static final class Resp implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Resp(String host, int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        Object call(String... arguments) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String argument : arguments) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(request.toByteArray());
            out.flush();
            return reply();
        }

        private Object reply() throws IOException {
            int type = in.read();
            String line = line();
            return switch (type) {
                case '+' -> line;
                case '-' -> new RespError(line);
                case ':' -> Long.parseLong(line);
                case '$' -> {
                    int length = Integer.parseInt(line);
                    if (length < 0) {
                        yield null;
                    }
                    byte[] bytes = in.readNBytes(length);
                    in.readNBytes(2);
                    yield new String(bytes, StandardCharsets.UTF_8);
                }
                case '*' -> {
                    int count = Integer.parseInt(line);
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        items.add(reply());
                    }
                    yield count < 0 ? null : items;
                }
                case -1 -> throw new IOException("connection closed by the server");
                default -> throw new IOException("not a Redis reply: " + (char) type + line);
            };
        }

        private String line() throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    buffer.write(b);
                }
                if (buffer.size() > 1024 * 1024) {
                    throw new IOException("reply line too long");
                }
            }
            return buffer.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
