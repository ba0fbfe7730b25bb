package dev.attest.monitoring.internal;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java plan against CEL itself: for every built-in check and a set of expressions that
 * use each construct the plan models, over generated resources full of awkward values (absent
 * fields, nulls, mixed types, bad timestamps, overflows), whenever the plan answers, CEL gives the
 * same answer.
 */
class ExpressionPlanTest {

    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

    /** Expressions beyond the built-in checks, one construct or more each. */
    private static final List<String> CONSTRUCTS = List.of(
            "resource.a == resource.b",
            "resource.a != resource.b",
            "resource.a < resource.b || resource.a >= resource.b",
            "resource.a <= 3 && resource.b > 2",
            "resource.x >= 0.9",
            "resource.a + resource.b > 10",
            "resource.a - resource.b < 0",
            "resource.a * resource.b == 6",
            "resource.a / resource.b == 1",
            "resource.a % resource.b == 0",
            "-resource.a < 0",
            "resource.x * 2.0 > 1.0",
            "resource.x / 0.0 > 1.0",
            "resource.s + resource.t == 'noyes'",
            "resource.s in ['no', 'yes', 'ddl']",
            "resource.a in [1, 2, 3]",
            "'k' in resource.m",
            "size(resource.s) == 2",
            "resource.items.size() > 1",
            "size(resource.m) == 0",
            "resource.s.contains('e')",
            "resource.s.startsWith('n') || resource.s.endsWith('s')",
            "resource.s.matches('(?i)^(NO|ddl)$')",
            "resource.s.matches('e')",
            "has(resource.s) ? resource.s == 'no' : true",
            "has(resource.m.k) && resource.m.k == 1",
            "resource.m.k > 0",
            "resource.m['k'] == 1",
            "resource.items[0] == 'a'",
            "resource.items.exists(i, i == 'a')",
            "resource.items.all(i, i != 'z')",
            "resource.items.exists_one(i, i == 'b')",
            "resource.items.map(i, i + '!').size() == resource.items.size()",
            "resource.items.filter(i, i != 'a').size() == 1",
            "resource.m.all(k, k != 'z')",
            "resource.notifications.all(n, has(n.sentAt) ? timestamp(n.sentAt) <= timestamp(n.dueAt) : timestamp(n.dueAt) >= now)",
            "resource.notifications.exists(n, n.items.exists(i, i == resource.s))",
            "timestamp(resource.t1) < timestamp(resource.t2)",
            "timestamp(resource.t1) == now",
            "timestamp(resource.t1) + duration('720h') > now",
            "now - timestamp(resource.t1) > duration('1h30m')",
            "timestamp(resource.t1) - now < duration('90s') + duration('500ms')",
            "duration('8760h') > duration('2160h')",
            "timestamp(resource.t1) > now - duration(resource.d)",
            "resource.flag == true",
            "!resource.flag || resource.other",
            "resource.n == null",
            "resource.n != null && resource.flag",
            "[resource.a, resource.b].exists(v, v > 2)",
            "resource.big + 1 > 0");

    @Test
    void agreesWithCelWheneverItAnswers() throws Exception {
        CelEngine cel = new CelEngine();
        List<String> expressions = new ArrayList<>(CONSTRUCTS);
        List<String> builtIn = builtInExpressions();
        expressions.addAll(builtIn);
        Set<String> fields = new LinkedHashSet<>(List.of("a", "b", "x", "s", "t", "m", "items", "notifications", "t1", "t2", "flag",
                "other", "n", "big", "d"));
        for (String expression : builtIn) {
            fields.addAll(cel.compile(expression).fieldsRead());
        }

        Random random = new Random(20261127);
        int answered = 0;
        int total = 0;
        Map<String, Integer> answeredBy = new HashMap<>();
        for (String expression : expressions) {
            CelEngine.Compiled compiled = cel.compile(expression);
            assertThat(compiled.plan()).as("a plan for %s", expression).isPresent();
            // 500 documents each; an expression whose plain case is rare in random documents (a status
            // value and two timestamps at once) gets more, until the plan has answered it at least once.
            for (int i = 0; i < 500 || (i < 20_000 && !answeredBy.containsKey(expression)); i++) {
                Map<String, Object> document = document(random, fields);
                CelEngine.Verdict byCel = cel.evaluateWithCel(compiled, celDocument(document), NOW);
                Boolean byPlan;
                try {
                    byPlan = compiled.plan().get().test(document, NOW);
                } catch (ExpressionPlan.Unsure unsure) {
                    byPlan = null;
                }
                total++;
                if (byPlan != null) {
                    answered++;
                    answeredBy.merge(expression, 1, Integer::sum);
                    assertThat(byPlan ? "pass" : "fail").as("%s over %s (CEL said %s)", expression, document, byCel)
                            .isEqualTo(byCel.outcome());
                }
            }
        }
        // The plan must carry the plain cases, or it would only be CEL with extra steps.
        assertThat(answered).as("evaluations the plan answered").isGreaterThan(total / 10);
        for (String expression : expressions) {
            assertThat(answeredBy.getOrDefault(expression, 0)).as("answers for %s", expression).isPositive();
        }
    }

    @Test
    void resourcesReadFromJsonGetTheVerdictsOfResourcesReadAsMaps() throws Exception {
        CelEngine cel = new CelEngine();
        Evaluator evaluator = new Evaluator(cel);
        List<dev.attest.monitoring.Check> checks = new ArrayList<>();
        List<String> expressions = new ArrayList<>(CONSTRUCTS);
        expressions.addAll(builtInExpressions());
        Set<String> fields = new LinkedHashSet<>();
        for (String expression : expressions) {
            checks.add(new dev.attest.monitoring.Check("c" + checks.size(), "t", "x", dev.attest.monitoring.Severity.LOW, List.of("GR-09"),
                    null, expression, false));
            fields.addAll(cel.compile(expression).fieldsRead());
        }
        List<dev.attest.monitoring.CheckResult> fromJson = new ArrayList<>();
        List<dev.attest.monitoring.CheckResult> fromMap = new ArrayList<>();
        Evaluator.TypeRun jsonRun = evaluator.forType(checks, NOW, fromJson::add);
        Evaluator.TypeRun mapRun = evaluator.forType(checks, NOW, fromMap::add);
        Random random = new Random(11);
        int documents = 0;
        while (documents < 300) {
            // Only what a collector or a push could send: values JSON cannot carry are left out field by field
            // (rejecting whole documents never ends once the built-in checks read a few hundred fields).
            Map<String, Object> document = document(random, fields);
            document.values().removeIf(value -> !sendableAsJson(value));
            String json = Documents.write(document);
            documents++;
            jsonRun.accept("x", "r" + documents, json);
            mapRun.accept(new dev.attest.monitoring.Resource("x", "r" + documents, Documents.read(json)));
        }
        assertThat(fromJson).hasSize(fromMap.size());
        for (int i = 0; i < fromMap.size(); i++) {
            assertThat(fromJson.get(i)).as("result %d", i).isEqualTo(fromMap.get(i));
        }
    }

    @Test
    void everyCheckWithoutAPlanStillRunsOnCel() {
        CelEngine cel = new CelEngine();
        CelEngine.Compiled matches = cel.compile("resource.name.matches(resource.pattern)");
        assertThat(matches.plan()).as("a pattern read from the resource: left to CEL").isEmpty();
        Map<String, Object> document = new HashMap<>(Map.of("name", "web-12", "pattern", "^web-[0-9]+$"));
        assertThat(cel.evaluate(matches, document, NOW).outcome()).isEqualTo("pass");

        CelEngine.Compiled missing = cel.compile("resource.absent == 1");
        assertThat(cel.evaluate(missing, document, NOW))
                .as("the error is CEL's own").satisfies(v -> {
                    assertThat(v.outcome()).isEqualTo("error");
                    assertThat(v.error()).contains("absent");
                });
    }

    @Test
    void timestampsThePlanReadsAreTheInstantsCelReads() {
        CelEngine cel = new CelEngine();
        CelEngine.Compiled same = cel.compile("timestamp(resource.t) == now");
        List<String> texts = List.of("2026-01-31T23:59:59Z", "2024-02-29T12:00:00.5Z", "2024-02-29T12:00:00.123456789Z",
                "2026-03-29T01:30:00+02:00", "2026-03-29T01:30:00-07:30", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00.000Z", "2000-12-31T00:00:00+14:00");
        for (String text : texts) {
            Instant read = Rfc3339.parse(text);
            assertThat(read).as(text).isNotNull();
            Map<String, Object> document = Map.of("t", text);
            assertThat(cel.evaluateWithCel(same, celDocument(document), read).outcome()).as(text).isEqualTo("pass");
        }
        for (String odd : List.of("2025-02-29T00:00:00Z", "2025-01-01t00:00:00Z", "2025-01-01T00:00:60Z", "2025-01-01T24:00:00Z",
                "2025-01-01T00:00:00", "2025-01-01 00:00:00Z", "2025-01-01T00:00:00.Z", "2025-01-01T00:00:00.1234567890Z",
                "0000-01-01T00:00:00Z", "2025-1-01T00:00:00Z", "2025-01-01T00:00:00+0100", "+2025-01-01T00:00:00Z")) {
            assertThat(Rfc3339.parse(odd)).as("left to CEL: %s", odd).isNull();
        }
    }

    @Test
    void patternsMatchAsRe2MatchesThem() {
        CelEngine cel = new CelEngine();
        List<String> patterns = List.of("(?i)(sha1|md5)", "^web-[0-9]+$", "e", "^a.c$", "[^a-z]", "\\d{2,3}", "^(?:ab)+\\.x?$",
                "\\w+@\\w+", "(?i)^[a-f0-9]{8}$", "a|", "^$", ".*", "[.]", "x*?y", "\\W", "[\\d-]+", "(?i)k", "^.$", "a$");
        List<String> texts = List.of("", "SHA1withRSA", "sha256", "web-12", "web-x", "abc", "a\nc", "a\rc", "ABC", "é", "12", "1234",
                "abab.", "abab.x", "me@host", "deadBEEF", "deadbeefx", "K", "\u212A", "ſ", "a\n", "a", "x y", "\u000b", "--9", "MD5");
        Random random = new Random(7);
        for (String pattern : patterns) {
            CelEngine.Compiled compiled = cel.compile("resource.s.matches('" + pattern.replace("\\", "\\\\") + "')");
            List<String> subjects = new ArrayList<>(texts);
            for (int i = 0; i < 40; i++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(8); k > 0; k--) {
                    String alphabet = "ab.-1 9xyzKk\nSHAmd5é_@";
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                subjects.add(text.toString());
            }
            for (String text : subjects) {
                Map<String, Object> document = Map.of("s", text);
                assertThat(compiled.plan().get().test(document, NOW) ? "pass" : "fail").as("%s over %s", pattern, text)
                        .isEqualTo(cel.evaluateWithCel(compiled, celDocument(document), NOW).outcome());
            }
        }
    }

    @Test
    void epochDaysAreTheCalendarsDays() {
        for (java.time.LocalDate day = java.time.LocalDate.of(1, 1, 1); day.getYear() < 10_000; day = day.plusDays(97)) {
            assertThat(Rfc3339.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).as(day.toString())
                    .isEqualTo(day.toEpochDay());
        }
        assertThat(Rfc3339.epochDay(2024, 2, 29)).isEqualTo(java.time.LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(Rfc3339.epochDay(2000, 3, 1)).isEqualTo(java.time.LocalDate.of(2000, 3, 1).toEpochDay());
    }

    @Test
    void durationsThePlanReadsAreTheDurationsCelReads() {
        CelEngine cel = new CelEngine();
        for (String text : List.of("2160h", "24h", "90s", "500ms", "1h30m", "0s", "8760h", "15m")) {
            Duration read = GoDuration.parse(text);
            assertThat(read).as(text).isNotNull();
            CelEngine.Compiled same = cel.compile("now - duration(resource.d) == timestamp(resource.t)");
            Map<String, Object> document = Map.of("d", text, "t", NOW.minus(read).toString());
            assertThat(cel.evaluateWithCel(same, celDocument(document), NOW).outcome()).as(text).isEqualTo("pass");
        }
        for (String odd : List.of("", "h", "1.5h", "-1h", "1d", "1H", "10us", "1h 30m")) {
            assertThat(GoDuration.parse(odd)).as("left to CEL: %s", odd).isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> celDocument(Map<String, Object> document) {
        return (Map<String, Object>) CelEngine.celValue(document);
    }

    @SuppressWarnings("unchecked")
    private static List<String> builtInExpressions() throws Exception {
        List<String> expressions = new ArrayList<>();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:checks/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                Map<String, Object> file = new Yaml().load(in);
                for (Map<String, Object> check : (List<Map<String, Object>>) file.get("checks")) {
                    expressions.add(((String) check.get("expression")).strip());
                }
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(60);
        return expressions;
    }

    private static final Object ABSENT = new Object();

    /** A resource whose every field is absent, null or some awkward value, as collectors and pushes may send. */
    private static boolean sendableAsJson(Object value) {
        if (Instant.EPOCH.equals(value)) {
            return false;
        }
        try {
            String json = Documents.write(value);
            return !json.contains("NaN") && !json.contains("Infinity");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> document(Random random, Set<String> fields) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = field.equals("d") ? List.of("24h", "1h30m", "90s", "bad", 3L, ABSENT).get(random.nextInt(6))
                    : field.equals("t1") && random.nextBoolean() ? timestamp(random) : value(random, 0);
            if (value != ABSENT) {
                document.put(field, value);
            }
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 24 : 30)) {
            case 0 -> ABSENT;
            case 1 -> null;
            case 2, 3 -> random.nextBoolean();
            case 4 -> true;
            case 5 -> (long) random.nextInt(7) - 1;
            case 6 -> random.nextInt(4);                       // an Integer, as code-built maps hold
            case 7 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            case 8 -> List.of(0.0, 0.9, 0.95, 1.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY).get(random.nextInt(7));
            case 9 -> 0.5f;
            case 10 -> List.of("no", "yes", "", "ddl", "a", "é", "waived", "completed", "24h", "1h30m", "bad").get(random.nextInt(11));
            case 11, 12 -> timestamp(random);
            case 13 -> List.of("2025-02-30T00:00:00Z", "2025-01-01t00:00:00z", "2016-12-31T23:59:60Z", "yesterday",
                    "2025-06-01T00:00:00+01:00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00").get(random.nextInt(7));
            case 14 -> List.of("a", "b");
            case 15 -> new ArrayList<>(List.of("b", "z", "a"));
            case 16 -> List.of();
            case 17 -> List.of(1L, 2L);
            case 18 -> List.of("a", 1L);
            case 19 -> Map.of("k", 1L);
            case 20 -> Map.of();
            case 21 -> Instant.EPOCH;                            // a value JSON never gives: left to CEL
            case 22 -> 12345678901234L;
            case 23 -> (long) random.nextInt(3);
            default -> depth > 1 ? ABSENT : notifications(random, depth + 1);
        };
    }

    private static List<Object> notifications(Random random, int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            Map<String, Object> n = new HashMap<>();
            for (String field : List.of("sentAt", "dueAt", "items")) {
                Object value = random.nextInt(3) == 0 ? value(random, depth) : field.equals("items") ? List.of("a", "no") : timestamp(random);
                if (value != ABSENT) {
                    n.put(field, value);
                }
            }
            list.add(n);
        }
        return list;
    }

    private static String timestamp(Random random) {
        Instant at = NOW.plus(Duration.ofHours(random.nextInt(24 * 800) - 24 * 600)).plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
        return at.toString();
    }
}
