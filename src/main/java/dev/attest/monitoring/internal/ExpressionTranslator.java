package dev.attest.monitoring.internal;

import dev.cel.common.CelOptions;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.attest.monitoring.internal.ExpressionPlan.*;

/**
 * Translates CEL's checked syntax tree into an {@link ExpressionPlan}'s nodes, or gives up with
 * {@code Unsupported} for anything outside the subset the plan models.
 */
final class ExpressionTranslator {
    private final Map<String, Deque<Integer>> scope = new HashMap<>();
    private final Set<Node> readsOnlyNow = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final FieldLayout layout;
    int slots = 2;
    int budgetSlot = -1;

    ExpressionTranslator(FieldLayout layout) {
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
}
