package dev.attest.monitoring.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private interface Node {
        Object eval(Object[] frame);
    }

    /** The CEL null inside the plan (Jackson gives Java null for JSON null); also what a slot holds for it. */
    private static final Object NULL = FieldLayout.JSON_NULL;
    private static final Object ABSENT = new Object();
    private static final int RESOURCE = 0;
    private static final int NOW = 1;
    static final Instant MIN_TIMESTAMP = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Duration MAX_DURATION = Duration.ofSeconds(315_576_000_000L, 999_999_999);

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
        Translator translator = new Translator(layout);
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
    private static Object value(Object raw) {
        Object value = FieldLayout.slotValue(raw);
        if (value instanceof FieldLayout.Unmodelled) {
            throw Unsure.INSTANCE;
        }
        return value;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw Unsure.INSTANCE;
    }

    private static boolean equal(Object a, Object b) {
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
    private static int compare(Object a, Object b) {
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

    private static Instant timestamp(Instant value) {
        if (value.isBefore(MIN_TIMESTAMP) || value.isAfter(MAX_TIMESTAMP)) {
            throw Unsure.INSTANCE;
        }
        return value;
    }

    private static Duration duration(Duration value) {
        if (value.abs().compareTo(MAX_DURATION) > 0) {
            throw Unsure.INSTANCE;
        }
        return value;
    }

    private static Object add(Object a, Object b) {
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

    private static Object subtract(Object a, Object b) {
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

    private static Object multiply(Object a, Object b) {
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

    private static Object divide(Object a, Object b) {
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

    private static Object modulo(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
                throw Unsure.INSTANCE;
            }
            return x % y;
        }
        throw Unsure.INSTANCE;
    }

    private static Object negate(Object a) {
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

    private static boolean in(Object element, Object collection) {
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

    private static long size(Object value) {
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

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw Unsure.INSTANCE;
    }

    private static Object select(Object operand, String field) {
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

    private static Object index(Object operand, Object key) {
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

    private static Instant parseTimestamp(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        Instant parsed = Rfc3339.parse(string(value));
        if (parsed == null) {
            throw Unsure.INSTANCE;
        }
        return timestamp(parsed);
    }

    private static Duration parseDuration(Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        Duration parsed = GoDuration.parse(string(value));
        if (parsed == null) {
            throw Unsure.INSTANCE;
        }
        return duration(parsed);
    }

    // ---- translation ----

    private static final class Translator {
        private final Map<String, Deque<Integer>> scope = new HashMap<>();
        private final Set<Node> readsOnlyNow = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private final FieldLayout layout;
        private int slots = 2;
        private int budgetSlot = -1;

        Translator(FieldLayout layout) {
            this.layout = layout;
            scope.put("resource", new ArrayDeque<>(List.of(RESOURCE)));
            scope.put("now", new ArrayDeque<>(List.of(NOW)));
        }

        Node translate(CelExpr expr) throws Unsupported {
            return switch (expr.getKind()) {
                case CONSTANT -> constant(expr.constant());
                case IDENT -> ident(expr.ident().name());
                case SELECT -> select(expr.select());
                case CALL -> foldIfFixed(expr.call());
                case LIST -> list(expr.list());
                case COMPREHENSION -> comprehension(expr.comprehension());
                default -> throw new Unsupported(expr.getKind().name());
            };
        }

        private Node constant(CelConstant constant) throws Unsupported {
            Object value = switch (constant.getKind()) {
                case NULL_VALUE -> NULL;
                case BOOLEAN_VALUE -> constant.booleanValue();
                case INT64_VALUE -> constant.int64Value();
                case DOUBLE_VALUE -> constant.doubleValue();
                case STRING_VALUE -> constant.stringValue();
                default -> throw new Unsupported("constant " + constant.getKind());
            };
            return new Constant(value);
        }

        private Node ident(String name) throws Unsupported {
            Deque<Integer> slot = scope.get(name);
            if (slot == null || slot.isEmpty()) {
                throw new Unsupported("identifier " + name);
            }
            int index = slot.peek();
            if (index == RESOURCE) {
                throw new Unsupported("the resource as a whole"); // only its fields, below, are modelled
            }
            Node node = frame -> frame[index];
            if (index == NOW) {
                readsOnlyNow.add(node);
            }
            return node;
        }

        /**
         * A call whose arguments are constants is computed once, now; one that reads only {@code now}
         * and constants (such as {@code now - duration("2160h")}) once per run instead of once per resource.
         */
        private Node foldIfFixed(CelExpr.CelCall call) throws Unsupported {
            List<Node> args = new ArrayList<>();
            if (call.target().isPresent()) {
                args.add(translate(call.target().get()));
            }
            for (CelExpr arg : call.args()) {
                args.add(translate(arg));
            }
            Node node = call(call.function(), args);
            boolean constant = true;
            for (Node arg : args) {
                if (!(arg instanceof Constant || readsOnlyNow.contains(arg))) {
                    return node;
                }
                constant &= arg instanceof Constant;
            }
            if (constant) {
                Object[] frame = new Object[slots];
                if (budgetSlot >= 0) {
                    frame[budgetSlot] = new EvaluationBudget();
                }
                try {
                    return new Constant(node.eval(frame));
                } catch (Unsure | EvaluationBudget.Exceeded unsure) {
                    return node; // such as 1 / 0, or a fold past the budget: CEL reports it for every resource
                }
            }
            Node once = new OncePerRun(node);
            readsOnlyNow.add(once);
            return once;
        }

        private Node select(CelExpr.CelSelect select) throws Unsupported {
            String field = select.field();
            if (select.operand().getKind() == CelExpr.ExprKind.Kind.IDENT) {
                Deque<Integer> bound = scope.get(select.operand().ident().name());
                if (bound != null && !bound.isEmpty() && bound.peek() == RESOURCE) {
                    int slot = layout.slot(field);
                    if (slot < 0) {
                        throw new Unsupported("a field outside the layout");
                    }
                    return select.testOnly() ? new ResourceHas(slot) : new ResourceField(slot);
                }
            }
            Node operand = translate(select.operand());
            if (select.testOnly()) {
                return frame -> {
                    if (operand.eval(frame) instanceof Map<?, ?> map) {
                        return map.containsKey(field);
                    }
                    throw Unsure.INSTANCE;
                };
            }
            return frame -> ExpressionPlan.select(operand.eval(frame), field);
        }

        private Node list(CelExpr.CelList list) throws Unsupported {
            if (!list.optionalIndices().isEmpty()) {
                throw new Unsupported("optional list elements");
            }
            List<Node> elements = new ArrayList<>();
            boolean constant = true;
            for (CelExpr element : list.elements()) {
                Node node = translate(element);
                elements.add(node);
                constant &= node instanceof Constant;
            }
            if (constant) {
                List<Object> values = new ArrayList<>();
                for (Node node : elements) {
                    values.add(((Constant) node).value == NULL ? null : ((Constant) node).value);
                }
                return new Constant(java.util.Collections.unmodifiableList(values));
            }
            Node[] nodes = elements.toArray(Node[]::new);
            return frame -> {
                List<Object> values = new ArrayList<>(nodes.length);
                for (Node node : nodes) {
                    Object value = node.eval(frame);
                    values.add(value == NULL ? null : value);
                }
                return values;
            };
        }

        private Node comprehension(CelExpr.CelComprehension loop) throws Unsupported {
            if (!loop.iterVar2().isEmpty()) {
                throw new Unsupported("two-variable comprehension");
            }
            if (budgetSlot < 0) {
                budgetSlot = slots++;
            }
            int budget = budgetSlot;
            Node range = translate(loop.iterRange());
            Node init = translate(loop.accuInit());
            int accu = slots++;
            int iter = slots++;
            push(loop.accuVar(), accu);
            Node condition = translate(loop.loopCondition());
            push(loop.iterVar(), iter);
            Node step = translate(loop.loopStep());
            pop(loop.iterVar());
            Node result = translate(loop.result());
            pop(loop.accuVar());
            return frame -> {
                Object over = range.eval(frame);
                Iterable<?> items;
                if (over instanceof List<?> list) {
                    items = list;
                } else if (over instanceof Map<?, ?> map) {
                    items = map.keySet();
                } else {
                    throw Unsure.INSTANCE;
                }
                frame[accu] = init.eval(frame);
                EvaluationBudget spent = (EvaluationBudget) frame[budget];
                for (Object item : items) {
                    if (!bool(condition.eval(frame))) {
                        break;
                    }
                    spent.step();
                    frame[iter] = value(item);
                    frame[accu] = step.eval(frame);
                }
                return result.eval(frame);
            };
        }

        /**
         * {@code text.matches('re')} with a constant pattern, compiled once with RE2/J as CEL
         * compiles it on every call, and matched as CEL's default options say (partial or whole).
         * RE2/J and nothing else: a backtracking engine takes exponential time on patterns such as
         * {@code ^(.*a){20}$}, and patterns come from whoever writes checks.
         */
        private Node matches(Node text, Node pattern) throws Unsupported {
            if (!(pattern instanceof Constant c && c.value instanceof String regex)) {
                throw new Unsupported("a pattern that is not a constant");
            }
            com.google.re2j.Pattern re2;
            try {
                re2 = com.google.re2j.Pattern.compile(regex);
            } catch (RuntimeException e) {
                throw new Unsupported("a pattern CEL refuses");
            }
            CelOptions options = CelOptions.DEFAULT;
            if (options.maxRegexProgramSize() >= 0 && re2.programSize() > options.maxRegexProgramSize()) {
                throw new Unsupported("a pattern over CEL's size limit");
            }
            boolean partial = options.enableRegexPartialMatch();
            return frame -> {
                com.google.re2j.Matcher matcher = re2.matcher(string(text.eval(frame)));
                return partial ? matcher.find() : matcher.matches();
            };
        }

        private void push(String name, int slot) {
            scope.computeIfAbsent(name, n -> new ArrayDeque<>()).push(slot);
        }

        private void pop(String name) {
            scope.get(name).pop();
        }

        private Node call(String function, List<Node> args) throws Unsupported {
            if (args.size() == 1) {
                Node a = args.get(0);
                return switch (function) {
                    case "!_" -> frame -> !bool(a.eval(frame));
                    case "-_" -> frame -> negate(a.eval(frame));
                    case "@not_strictly_false" -> frame -> bool(a.eval(frame));
                    case "size" -> frame -> size(a.eval(frame));
                    case "timestamp" -> frame -> parseTimestamp(a.eval(frame));
                    case "duration" -> frame -> parseDuration(a.eval(frame)); // a constant text is folded by foldIfFixed
                    default -> throw new Unsupported("function " + function);
                };
            }
            if (args.size() == 2) {
                Node a = args.get(0);
                Node b = args.get(1);
                return switch (function) {
                    case "_&&_" -> frame -> bool(a.eval(frame)) && bool(b.eval(frame));
                    case "_||_" -> frame -> bool(a.eval(frame)) || bool(b.eval(frame));
                    case "_==_" -> b instanceof Constant c ? new EqualsConstant(a, c.value, true)
                            : frame -> equal(a.eval(frame), b.eval(frame));
                    case "_!=_" -> b instanceof Constant c ? new EqualsConstant(a, c.value, false)
                            : frame -> !equal(a.eval(frame), b.eval(frame));
                    case "_<_" -> frame -> compare(a.eval(frame), b.eval(frame)) < 0;
                    case "_<=_" -> frame -> compare(a.eval(frame), b.eval(frame)) <= 0;
                    case "_>_" -> frame -> compare(a.eval(frame), b.eval(frame)) > 0;
                    case "_>=_" -> frame -> compare(a.eval(frame), b.eval(frame)) >= 0;
                    case "_+_" -> frame -> add(a.eval(frame), b.eval(frame));
                    case "_-_" -> frame -> subtract(a.eval(frame), b.eval(frame));
                    case "_*_" -> frame -> multiply(a.eval(frame), b.eval(frame));
                    case "_/_" -> frame -> divide(a.eval(frame), b.eval(frame));
                    case "_%_" -> frame -> modulo(a.eval(frame), b.eval(frame));
                    case "_[_]" -> frame -> index(a.eval(frame), b.eval(frame));
                    case "@in" -> frame -> in(a.eval(frame), b.eval(frame));
                    case "contains" -> frame -> string(a.eval(frame)).contains(string(b.eval(frame)));
                    case "startsWith" -> frame -> string(a.eval(frame)).startsWith(string(b.eval(frame)));
                    case "endsWith" -> frame -> string(a.eval(frame)).endsWith(string(b.eval(frame)));
                    case "matches" -> matches(a, b);
                    default -> throw new Unsupported("function " + function);
                };
            }
            if (args.size() == 3 && function.equals("_?_:_")) {
                Node condition = args.get(0);
                Node then = args.get(1);
                Node otherwise = args.get(2);
                return frame -> bool(condition.eval(frame)) ? then.eval(frame) : otherwise.eval(frame);
            }
            throw new Unsupported("function " + function + " with " + args.size() + " arguments");
        }
    }

    /** {@code resource.field}: one array load, the most common node of all. */
    private record ResourceField(int slot) implements Node {
        @Override
        public Object eval(Object[] frame) {
            Object value = ((Object[]) frame[RESOURCE])[slot];
            if (value == null || value instanceof FieldLayout.Unmodelled) {
                throw Unsure.INSTANCE; // absent: CEL's "no such key"
            }
            return value;
        }
    }

    /** {@code has(resource.field)}. */
    private record ResourceHas(int slot) implements Node {
        @Override
        public Object eval(Object[] frame) {
            return ((Object[]) frame[RESOURCE])[slot] != null;
        }
    }

    /** {@code x == 'constant'} (or {@code !=}), the second most common. */
    private record EqualsConstant(Node operand, Object constant, boolean equals) implements Node {
        @Override
        public Object eval(Object[] frame) {
            return equal(operand.eval(frame), constant) == equals;
        }
    }

    /** A value that depends on {@code now} alone, kept for as long as {@code now} stays the same. */
    private static final class OncePerRun implements Node {
        private record Memo(Object now, Object value) {
        }

        private final Node node;
        private volatile Memo memo;

        OncePerRun(Node node) {
            this.node = node;
        }

        @Override
        public Object eval(Object[] frame) {
            Memo last = memo;
            if (last != null && last.now.equals(frame[NOW])) {
                return last.value;
            }
            Object value = node.eval(frame);
            memo = new Memo(frame[NOW], value);
            return value;
        }
    }

    private record Constant(Object value) implements Node {
        @Override
        public Object eval(Object[] frame) {
            return value;
        }
    }

    /** RFC 3339 timestamps in the one strict shape CEL and the collectors write; anything else is left to CEL. */
    static final class Rfc3339 {
        private Rfc3339() {
        }

        /** The instant, or null when the text is not exactly {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)}. */
        static Instant parse(String s) {
            int n = s.length();
            if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                    || hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            int i = 19;
            int nanos = 0;
            if (s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                int count = i - start;
                if (count < 1 || count > 9) {
                    return null;
                }
                nanos = digits(s, start, count);
                for (int k = count; k < 9; k++) {
                    nanos *= 10;
                }
            }
            if (i >= n) {
                return null;
            }
            int offsetSeconds;
            char zone = s.charAt(i);
            if (zone == 'Z' && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((zone == '+' || zone == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh > 23 || om > 59) {
                    return null;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (zone == '-' ? -1 : 1);
            } else {
                return null;
            }
            if (year < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
                return null;
            }
            long epochDay = epochDay(year, month, day);
            long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(epochSecond, nanos);
        }

        private static int lengthOfMonth(int year, int month) {
            return switch (month) {
                case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** Days since 1970-01-01 of a proleptic Gregorian date (year 1 or later), without allocating. */
        static long epochDay(int year, int month, int day) {
            int y = month <= 2 ? year - 1 : year;
            int era = y / 400;
            int yearOfEra = y - era * 400;
            int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146_097L + dayOfEra - 719_468;
        }

        /** The decimal value of count ASCII digits at from, or -1 when one is not a digit. */
        private static int digits(String s, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    /** Durations written as whole numbers with units h, m, s or ms, e.g. {@code 2160h} or {@code 1h30m}; others are left to CEL. */
    static final class GoDuration {
        private GoDuration() {
        }

        static Duration parse(String s) {
            int n = s.length();
            if (n == 0 || n > 32) {
                return null;
            }
            Duration total = Duration.ZERO;
            int i = 0;
            while (i < n) {
                int start = i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                if (i == start || i - start > 12) {
                    return null;
                }
                long amount = Long.parseLong(s, start, i, 10);
                if (i + 1 < n && s.charAt(i) == 'm' && s.charAt(i + 1) == 's') {
                    total = total.plusMillis(amount);
                    i += 2;
                } else if (i < n && s.charAt(i) == 'h') {
                    total = total.plusHours(amount);
                    i++;
                } else if (i < n && s.charAt(i) == 'm') {
                    total = total.plusMinutes(amount);
                    i++;
                } else if (i < n && s.charAt(i) == 's') {
                    total = total.plusSeconds(amount);
                    i++;
                } else {
                    return null;
                }
            }
            return total;
        }
    }
}
