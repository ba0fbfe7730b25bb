import dev.attest.monitoring.Check;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.Severity;
import dev.attest.monitoring.internal.CelEngine;
import dev.attest.monitoring.internal.Documents;
import dev.attest.monitoring.internal.Evaluator;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 50 checks over a snapshot of 100,000 resources (JSON lines): resource-checks per second, and the
 * time of (parse + evaluate) against a bare Jackson parse of the same snapshot, in the same run.
 */
public class EvaluationBench {

    static final String[] TYPES = {"tls.endpoint", "host.linux", "postgres.server", "aws.iam.user", "git.repository"};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Check> checks = loadChecks(Path.of("src/main/resources/checks"));
        System.out.println("checks: " + checks.size() + ", resources: " + count);
        byte[][] snapshot = snapshot(count);
        long bytes = 0;
        for (byte[] line : snapshot) bytes += line.length;
        System.out.printf("snapshot: %.1f MB of JSON lines%n", bytes / 1e6);

        CelEngine cel = new CelEngine();
        Evaluator evaluator = new Evaluator(cel);
        Map<String, List<Check>> byType = Evaluator.byType(checks);
        Instant now = Instant.now();
        long[] results = {0, 0};
        Map<String, Evaluator.TypeRun> runs = new java.util.HashMap<>();
        byType.forEach((type, list) -> runs.put(type, evaluator.forType(list, now, r -> {
            results[0]++;
            if (r.passed()) results[1]++;
        })));

        List<Resource> parsedSnapshot = new ArrayList<>(count);
        for (byte[] line : snapshot) {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = Documents.JSON.readValue(line, Map.class);
            @SuppressWarnings("unchecked")
            Resource resource = new Resource((String) doc.get("type"), (String) doc.get("id"), (Map<String, Object>) doc.get("data"));
            parsedSnapshot.add(resource);
        }
        int rounds = Integer.getInteger("bench.rounds", 8);
        int warmUp = 3; // rounds that only warm the JIT
        List<Double> ratios = new ArrayList<>();
        System.out.println("round  parse(s)  parse+evaluate(s)  evaluate-alone(s)  resource-checks  checks/s    ratio");
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long parsed = 0;
            for (byte[] line : snapshot) {
                parsed += Documents.JSON.readValue(line, Map.class).size();
            }
            long t1 = System.nanoTime();
            results[0] = 0;
            results[1] = 0;
            for (byte[] line : snapshot) {
                evaluateLine(line, runs);
            }
            long t2 = System.nanoTime();
            long evaluated = results[0];
            long passed = results[1];
            // Diagnostic only: the same evaluation over resources parsed beforehand.
            for (Resource resource : parsedSnapshot) {
                Evaluator.TypeRun run = runs.get(resource.type());
                if (run != null) run.accept(resource);
            }
            long t3 = System.nanoTime();
            double parse = (t1 - t0) / 1e9;
            double full = (t2 - t1) / 1e9;
            if (parsed == 0 || passed == 0) {
                throw new IllegalStateException("nothing parsed or nothing passed");
            }
            System.out.printf("%5s  %8.3f  %17.3f  %17.3f  %15d  %9.0f  %7.2f%n", round < warmUp ? "warm" : String.valueOf(round - warmUp + 1),
                    parse, full, (t3 - t2) / 1e9, evaluated, evaluated / full, full / parse);
            if (round >= warmUp) {
                ratios.add(full / parse);
            }
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("ratio (parse+evaluate)/parse, median of %d measured rounds: %.2f (min %.2f, max %.2f; target <= 2.0)%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /**
     * One snapshot line through the application's streaming path: type and id, then the data object
     * read by the type's field layout (only the fields its checks read are built) and evaluated.
     */
    static void evaluateLine(byte[] line, Map<String, Evaluator.TypeRun> runs) {
        try (JsonParser parser = Documents.JSON.createParser(line)) {
            parser.nextToken();
            String type = null;
            String id = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "type" -> type = parser.getString();
                    case "id" -> id = parser.getString();
                    case "data" -> {
                        Evaluator.TypeRun run = type == null ? null : runs.get(type);
                        if (run == null) {
                            parser.skipChildren();
                        } else {
                            run.accept(type, id, parser, () -> dataOf(line));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dataOf(byte[] line) {
        return (Map<String, Object>) Documents.JSON.readValue(line, Map.class).get("data");
    }

    @SuppressWarnings("unchecked")
    static List<Check> loadChecks(Path folder) throws Exception {
        List<Check> checks = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> root = new Yaml().load(Files.readString(file));
                for (Map<String, Object> c : (List<Map<String, Object>>) root.get("checks")) {
                    if (!List.of(TYPES).contains((String) c.get("resourceType"))) {
                        continue; // the record modules' checks read resources this snapshot does not hold
                    }
                    checks.add(new Check((String) c.get("key"), (String) c.get("title"), (String) c.get("resourceType"),
                            Severity.fromWireName((String) c.get("severity")).orElseThrow(), (List<String>) c.get("controls"),
                            null, ((String) c.get("expression")).strip(), true));
                }
            }
        }
        // Top up to 50 with variants, as a workspace adds its own checks.
        String[][] extra = {
                {"tls.endpoint", "resource.daysToExpiry >= 60"}, {"host.linux", "resource.sshMaxAuthTries <= 4"},
                {"postgres.server", "resource.majorVersion >= 14"}, {"aws.iam.user", "resource.isRoot || resource.mfaActive"},
                {"git.repository", "resource.signedShare >= 0.5"}, {"tls.endpoint", "resource.keySize >= 3072"}};
        for (int i = 0; checks.size() < 50; i++) {
            checks.add(new Check("extra-" + i, "extra", extra[i % extra.length][0], Severity.LOW, List.of("GR-09"), null,
                    extra[i % extra.length][1], false));
        }
        return checks;
    }

    static byte[][] snapshot(int count) {
        Random random = new Random(42);
        byte[][] lines = new byte[count][];
        String now = Instant.now().toString();
        for (int i = 0; i < count; i++) {
            String type = TYPES[i % TYPES.length];
            Map<String, Object> data = switch (type) {
                case "tls.endpoint" -> Map.ofEntries(Map.entry("host", "h" + i + ".example"), Map.entry("port", 443L),
                        Map.entry("https", true), Map.entry("tls10", random.nextInt(10) == 0), Map.entry("tls11", false),
                        Map.entry("tls12", true), Map.entry("tls13", random.nextBoolean()), Map.entry("daysToExpiry", (long) random.nextInt(400) - 10),
                        Map.entry("notBefore", "2025-01-01T00:00:00Z"), Map.entry("chainTrusted", true), Map.entry("hostnameMatches", true),
                        Map.entry("keyType", "RSA"), Map.entry("keySize", 2048L), Map.entry("signatureAlgorithm", "SHA256withRSA"),
                        Map.entry("hsts", random.nextBoolean()), Map.entry("hstsMaxAge", 31536000L));
                case "host.linux" -> Map.ofEntries(Map.entry("hostname", "host-" + i), Map.entry("sshd", true),
                        Map.entry("sshPermitRootLogin", random.nextBoolean() ? "no" : "yes"), Map.entry("sshPasswordAuthentication", "no"),
                        Map.entry("sshPermitEmptyPasswords", "no"), Map.entry("sshMaxAuthTries", 6L), Map.entry("sshX11Forwarding", "no"),
                        Map.entry("automaticUpdates", true), Map.entry("firewallActive", random.nextBoolean()),
                        Map.entry("diskEncryption", true), Map.entry("auditd", false), Map.entry("timeSync", true));
                case "postgres.server" -> Map.of("server", "db" + i + ":5432", "majorVersion", 15L, "ssl", random.nextBoolean(),
                        "passwordEncryption", "scram-sha-256", "logConnections", true, "logDisconnections", false, "logStatement", "ddl",
                        "sharedPreloadLibraries", List.of("pg_stat_statements"), "adminRole", "postgres", "superusers", List.of("postgres"));
                case "aws.iam.user" -> Map.ofEntries(Map.entry("user", "u" + i), Map.entry("arn", "arn:aws:iam::1:user/u" + i),
                        Map.entry("isRoot", false), Map.entry("passwordEnabled", true), Map.entry("mfaActive", random.nextBoolean()),
                        Map.entry("passwordLastUsed", now), Map.entry("passwordLastChanged", now), Map.entry("accessKey1Active", true),
                        Map.entry("accessKey1LastRotated", "2025-06-01T00:00:00Z"), Map.entry("accessKey1LastUsed", now),
                        Map.entry("accessKey2Active", false));
                default -> Map.of("location", "https://git.example/r" + i, "hasSecurityPolicy", true, "hasCodeowners", random.nextBoolean(),
                        "dependencyUpdates", true, "commits", 200L, "signedCommits", 150L, "signedShare", 0.75, "secretsFound", 0L);
            };
            Map<String, Object> line = new java.util.LinkedHashMap<>(); // type and id before data, as the reader expects
            line.put("type", type);
            line.put("id", type + "-" + i);
            line.put("data", data);
            lines[i] = Documents.write(line).getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }
}
