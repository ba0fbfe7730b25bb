package dev.attest.monitoring.internal;

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
import static dev.attest.monitoring.internal.PlanNodes.*;

/**
 * Translates CEL's checked syntax tree into an {@link ExpressionPlan}'s nodes, or gives up with
 * {@code Unsupported} for anything outside the subset the plan models. Calls become nodes in
 * {@link PlanCalls}; the nodes of its own are in {@link PlanNodes}.
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
        Node node = PlanCalls.call(call.function(), args);
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
                values.add(((Constant) node).value() == NULL ? null : ((Constant) node).value());
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

    private void push(String name, int slot) {
        scope.computeIfAbsent(name, n -> new ArrayDeque<>()).push(slot);
    }

    private void pop(String name) {
        scope.get(name).pop();
    }
}
