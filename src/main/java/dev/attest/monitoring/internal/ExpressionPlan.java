package dev.attest.monitoring.internal;

import dev.cel.common.CelAbstractSyntaxTree;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A check expression translated from CEL's checked syntax tree into a tree of small Java nodes
 * that read the resource's fields from their slots in a {@link FieldLayout} (values as Jackson
 * reads JSON): no copy of the document, no CEL value conversion. It covers the shapes checks are
 * written in (field reads, {@code has()}, logic, comparisons, arithmetic on numbers, timestamps and
 * durations, {@code in}, {@code size}, string tests, {@code matches} with a constant pattern and
 * the list macros); sub-expressions of constants are computed once, those of {@code now} and
 * constants once per run. Patterns run on RE2/J (linear in the text, whatever the pattern) and list
 * macros count their steps against an {@link EvaluationBudget}: past it, the plan gives up and CEL,
 * under the same budget, reports the error.
 *
 * <p>The plan only answers when the answer is plain: the moment anything is not (a missing field,
 * mixed types, an overflow, a value it does not model), it gives up with {@link Unsure} and the
 * caller asks CEL itself, whose answer, error message included, is the rule. So the plan never has
 * to copy CEL's error semantics; it must only agree with CEL whenever it returns, which
 * {@code ExpressionPlanTest} checks against CEL over every built-in check and generated resources.
 */
final class ExpressionPlan {

    /** The plan cannot answer this one: CEL decides. Thrown often enough that it carries no stack. */
    static final class Unsure extends RuntimeException {
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super("the plan leaves this evaluation to CEL", null, false, false);
        }
    }

    /** Thrown at translation time for an expression outside the subset: it always runs on CEL. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    interface Node {
        Object eval(Object[] frame);
    }

    /** The CEL null inside the plan (Jackson gives Java null for JSON null); also what a slot holds for it. */
    static final Object NULL = FieldLayout.JSON_NULL;
    static final Object ABSENT = new Object();
    static final int RESOURCE = 0;
    static final int NOW = 1;
    static final Instant MIN_TIMESTAMP = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");
    static final Duration MAX_DURATION = Duration.ofSeconds(315_576_000_000L, 999_999_999);

    private final Node root;
    private final int frameSize;
    private final FieldLayout layout;
    /** The frame slot of the evaluation's budget, or -1 when the expression has no list macro to count. */
    private final int budgetSlot;

    private ExpressionPlan(Node root, int frameSize, FieldLayout layout, int budgetSlot) {
        this.root = root;
        this.frameSize = frameSize;
        this.layout = layout;
        this.budgetSlot = budgetSlot;
    }

    /**
     * The plan of a checked expression over resources read into this layout (which must hold every
     * field the expression reads), or empty when it uses something the plan does not model.
     */
    static Optional<ExpressionPlan> of(CelAbstractSyntaxTree ast, FieldLayout layout) {
        ExpressionTranslator translator = new ExpressionTranslator(layout);
        try {
            Node root = translator.translate(ast.getExpr());
            return Optional.of(new ExpressionPlan(root, translator.slots, layout, translator.budgetSlot));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** True or false for the resource, or {@link Unsure} when CEL must decide. */
    boolean test(Map<String, Object> resource, Instant now) {
        return test(frame(layout.read(resource), now, frameSize));
    }

    /** The layout this plan reads its fields from. */
    FieldLayout layout() {
        return layout;
    }

    /**
     * The same over a frame from {@link #frame}, at least {@link #frameSize()} long: the checks of
     * one resource share one frame, since each writes the slots it reads before reading them.
     */
    boolean test(Object[] frame) {
        if (budgetSlot >= 0) {
            frame[budgetSlot] = new EvaluationBudget();
        }
        try {
            return bool(root.eval(frame));
        } catch (EvaluationBudget.Exceeded e) {
            throw Unsure.INSTANCE; // CEL runs under the same budget and reports it
        }
    }

    int frameSize() {
        return frameSize;
    }

    /** A frame over a resource read into this plan's layout. */
    static Object[] frame(Object[] fields, Instant now, int size) {
        Object[] frame = new Object[Math.max(size, 2)];
        frame[RESOURCE] = fields;
        frame[NOW] = now;
        return frame;
    }

    // ---- values ----

    /** A raw JSON value as the plan models it; anything else is for CEL. */
    static Object value(Object raw) {
        Object value = FieldLayout.slotValue(raw);
        if (value instanceof FieldLayout.Unmodelled) {
            throw Unsure.INSTANCE;
        }
        return value;
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw Unsure.INSTANCE;
    }

    static boolean equal(Object a, Object b) {
        if (a.getClass() != b.getClass()) {
            throw Unsure.INSTANCE;
        }
        if (a instanceof Double x) {
            return x.doubleValue() == (Double) b;
        }
        if (a instanceof String || a instanceof Long || a instanceof Boolean || a == NULL
                || a instanceof Instant || a instanceof Duration) {
            return a.equals(b);
        }
        throw Unsure.INSTANCE;
    }

    /** Negative, zero or positive as a is below, equal to or above b; NaN has no order and is for CEL. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a.getClass() != b.getClass()) {
            throw Unsure.INSTANCE;
        }
        if (a instanceof Long x) {
            return Long.compare(x, (Long) b);
        }
        if (a instanceof Double x) {
            double y = (Double) b;
            if (Double.isNaN(x) || Double.isNaN(y)) {
                throw Unsure.INSTANCE;
            }
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        if (a instanceof Instant || a instanceof Duration) {
            return ((Comparable) a).compareTo(b);
        }
        throw Unsure.INSTANCE;
    }

    static Instant timestamp(Instant value) {
        if (value.isBefore(MIN_TIMESTAMP) || value.isAfter(MAX_TIMESTAMP)) {
            throw Unsure.INSTANCE;
        }
        return value;
    }

    static Duration duration(Duration value) {
        if (value.abs().compareTo(MAX_DURATION) > 0) {
            throw Unsure.INSTANCE;
        }
        return value;
    }

    static Object add(Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return Math.addExact(x, y);
            }
            if (a instanceof Double x && b instanceof Double y) {
                return x + y;
            }
            if (a instanceof String x && b instanceof String y) {
                return x.concat(y);
            }
            if (a instanceof Instant x && b instanceof Duration y) {
                return timestamp(x.plus(y));
            }
            if (a instanceof Duration x && b instanceof Instant y) {
                return timestamp(y.plus(x));
            }
            if (a instanceof Duration x && b instanceof Duration y) {
                return duration(x.plus(y));
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                List<Object> joined = new ArrayList<>(x.size() + y.size());
                joined.addAll(x);
                joined.addAll(y);
                return joined;
            }
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw Unsure.INSTANCE;
        }
        throw Unsure.INSTANCE;
    }

    static Object subtract(Object a, Object b) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return Math.subtractExact(x, y);
            }
            if (a instanceof Double x && b instanceof Double y) {
                return x - y;
            }
            if (a instanceof Instant x && b instanceof Duration y) {
                return timestamp(x.minus(y));
            }
            if (a instanceof Instant x && b instanceof Instant y) {
                return duration(Duration.between(y, x));
            }
            if (a instanceof Duration x && b instanceof Duration y) {
                return duration(x.minus(y));
            }
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw Unsure.INSTANCE;
        }
        throw Unsure.INSTANCE;
    }

    static Object multiply(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return Math.multiplyExact(x, y);
            } catch (ArithmeticException e) {
                throw Unsure.INSTANCE;
            }
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x * y;
        }
        throw Unsure.INSTANCE;
    }

    static Object divide(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
                throw Unsure.INSTANCE;
            }
            return x / y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x / y;
        }
        throw Unsure.INSTANCE;
    }

    static Object modulo(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
                throw Unsure.INSTANCE;
            }
            return x % y;
        }
        throw Unsure.INSTANCE;
    }

    static Object negate(Object a) {
        if (a instanceof Long x) {
            if (x == Long.MIN_VALUE) {
                throw Unsure.INSTANCE;
            }
            return -x;
        }
        if (a instanceof Double x) {
            return -x;
        }
        throw Unsure.INSTANCE;
    }

    static boolean in(Object element, Object collection) {
        if (collection instanceof List<?> list) {
            for (Object raw : list) {
                if (equal(element, value(raw))) {
                    return true;
                }
            }
            return false;
        }
        if (collection instanceof Map<?, ?> map && element instanceof String key) {
            return map.containsKey(key);
        }
        throw Unsure.INSTANCE;
    }

    static long size(Object value) {
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (value instanceof List<?> list) {
            return list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        throw Unsure.INSTANCE;
    }

    static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw Unsure.INSTANCE;
    }

    static Object select(Object operand, String field) {
        if (operand instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Object raw = ((Map<Object, Object>) map).getOrDefault(field, ABSENT);
            if (raw == ABSENT) {
                throw Unsure.INSTANCE;
            }
            return value(raw);
        }
        throw Unsure.INSTANCE;
    }

    static Object index(Object operand, Object key) {
        if (operand instanceof List<?> list && key instanceof Long i) {
            if (i < 0 || i >= list.size()) {
                throw Unsure.INSTANCE;
            }
            return value(list.get((int) (long) i));
        }
        if (operand instanceof Map<?, ?> && key instanceof String field) {
            return select(operand, field);
        }
        throw Unsure.INSTANCE;
    }

    static Instant parseTimestamp(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        Instant parsed = Rfc3339.parse(string(value));
        if (parsed == null) {
            throw Unsure.INSTANCE;
        }
        return timestamp(parsed);
    }

    static Duration parseDuration(Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        Duration parsed = GoDuration.parse(string(value));
        if (parsed == null) {
            throw Unsure.INSTANCE;
        }
        return duration(parsed);
    }
}
