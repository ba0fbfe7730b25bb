package dev.attest.monitoring.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiles and runs check expressions with CEL: {@code resource} is a {@code map(string, dyn)} and
 * {@code now} a timestamp, as {@code checks/SCHEMA.md} promises. Compiled programs are cached by
 * their text, since the same built-in checks run for every workspace.
 */
@Component
public class CelEngine {

    /** A compile error with its 1-based line and column in the expression. */
    public static class ExpressionError extends RuntimeException {
        private final int line;
        private final int column;

        ExpressionError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** "line 1, column 14: message", as shown to whoever wrote the expression. */
        public String describe() {
            return "line " + line + ", column " + column + ": " + getMessage();
        }
    }

    /**
     * A compiled expression, the top-level resource fields it reads, and its plain-Java plan when
     * the expression has one (see {@link ExpressionPlan}): the plan answers the plain cases, CEL the rest.
     */
    public record Compiled(CelRuntime.Program program, List<String> fieldsRead, CelAbstractSyntaxTree ast, Optional<ExpressionPlan> plan) {

        /** The plan over resources read into a layout shared with other checks of the same type. */
        Optional<ExpressionPlan> planFor(FieldLayout layout) {
            return ExpressionPlan.of(ast, layout);
        }
    }

    /** The outcome of one evaluation. */
    public record Verdict(String outcome, String error) {
        static final Verdict PASS = new Verdict("pass", null);
        static final Verdict FAIL = new Verdict("fail", null);
    }

    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("now", SimpleType.TIMESTAMP)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();
    // The planner's own defaults (heterogeneous numeric comparisons on) plus a limit on list-macro
    // iterations across the whole evaluation; the clock is watched in evaluateWithCel.
    private final CelRuntime runtime = CelRuntimeFactory.plannerRuntimeBuilder()
            .setOptions(CelOptions.DEFAULT.toBuilder().enableHeterogeneousNumericComparisons(true)
                    .comprehensionMaxIterations(EvaluationBudget.MAX_STEPS).build())
            .build();
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    /** Compiles the expression; a syntax or type error, or a result that is not a bool, is an {@link ExpressionError}. */
    public Compiled compile(String expression) {
        Compiled cached = cache.get(expression);
        if (cached != null) {
            return cached;
        }
        if (expression == null || expression.isBlank()) {
            throw new ExpressionError("the expression is empty", 1, 1);
        }
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            CelIssue issue = result.getErrors().get(0);
            int line = Math.max(1, issue.getSourceLocation().getLine());
            int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
            throw new ExpressionError(issue.getMessage(), line, column);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelKind kind = ast.getResultType().kind();
            if (kind != CelKind.BOOL && kind != CelKind.DYN) {
                throw new ExpressionError("the expression must be true or false, but it gives " + ast.getResultType().name(), 1, 1);
            }
            List<String> fields = fieldsRead(ast);
            Compiled compiled = new Compiled(runtime.createProgram(ast), fields, ast, ExpressionPlan.of(ast, FieldLayout.of(fields)));
            if (cache.size() < 10_000) {
                cache.put(expression, compiled);
            }
            return compiled;
        } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
            throw new ExpressionError(e.getMessage(), 1, 1);
        }
    }

    private static List<String> fieldsRead(CelAbstractSyntaxTree ast) {
        Set<String> fields = new LinkedHashSet<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr expr = node.expr();
            if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
                CelExpr operand = expr.select().operand();
                if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && "resource".equals(operand.ident().name())) {
                    fields.add(expr.select().field());
                }
            }
        });
        return List.copyOf(fields);
    }

    /** Runs a compiled expression over a resource given as a map, with the expression's own plan. */
    public Verdict evaluate(Compiled compiled, Map<String, Object> data, Instant now) {
        ExpressionPlan plan = compiled.plan().orElse(null);
        FieldLayout layout = plan != null ? plan.layout() : FieldLayout.of(compiled.fieldsRead());
        return evaluate(compiled, plan, Subject.of(data, layout, now));
    }

    /**
     * Runs a compiled expression over a resource read into the plan's layout. The plan answers
     * when it can; otherwise CEL runs over the subject's whole document.
     */
    Verdict evaluate(Compiled compiled, ExpressionPlan plan, Subject subject) {
        if (plan != null) {
            try {
                return plan.test(subject.frame(plan.frameSize())) ? Verdict.PASS : Verdict.FAIL;
            } catch (ExpressionPlan.Unsure unsure) {
                // CEL decides, below
            }
        }
        return evaluateWithCel(compiled, subject.celDocument(), subject.now);
    }

    /**
     * One resource as the checks of a run see it: its fields read into the run's layout, the run's
     * time, the frame the plans share, and the whole document for CEL, made the first time a check
     * needs CEL itself (from the map it came as, or parsed again from its JSON).
     */
    static final class Subject {
        private final Object[] fields;
        private final Instant now;
        private final Supplier<Map<String, Object>> document;
        private Object[] frame;
        private Map<String, Object> celDocument;

        private Subject(Object[] fields, Instant now, Supplier<Map<String, Object>> document) {
            this.fields = fields;
            this.now = now;
            this.document = document;
        }

        static Subject of(Map<String, Object> data, FieldLayout layout, Instant now) {
            return new Subject(layout.read(data), now, () -> data);
        }

        /**
         * A resource whose data object the parser stands on; {@code document} gives the whole data
         * again (parsed anew) for CEL's rare turns.
         */
        static Subject of(tools.jackson.core.JsonParser parser, Supplier<Map<String, Object>> document, FieldLayout layout, Instant now) {
            return new Subject(layout.read(parser), now, document);
        }

        Object[] fields() {
            return fields;
        }

        Object[] frame(int size) {
            if (frame == null || frame.length < size) {
                frame = ExpressionPlan.frame(fields, now, size);
            }
            return frame;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> celDocument() {
            if (celDocument == null) {
                celDocument = (Map<String, Object>) celValue(document.get());
            }
            return celDocument;
        }
    }

    /**
     * Runs a compiled expression on CEL alone, over a document prepared with {@link #celValue}, under
     * an {@link EvaluationBudget} (see {@link BudgetedCel}).
     */
    Verdict evaluateWithCel(Compiled compiled, Map<String, Object> celDocument, Instant now) {
        return BudgetedCel.evaluate(compiled, celDocument, now);
    }

    /** A JSON document as CEL wants it: nulls become CEL's null value, integers stay 64-bit. */
    @SuppressWarnings("unchecked")
    public static Object celValue(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> copy.put(String.valueOf(k), celValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(celValue(v)));
            return copy;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** The values a result shows as its "why" (see {@link ObservedFields}). */
    static Map<String, Object> observed(List<String> read, FieldLayout layout, Object[] fields) {
        return new ObservedFields(read, layout, fields);
    }
}
