package dev.attest.monitoring.internal;

import dev.cel.common.CelOptions;

import java.util.List;

import static dev.attest.monitoring.internal.ExpressionPlan.*;
import static dev.attest.monitoring.internal.PlanNodes.*;

/** CEL's functions and operators as plan nodes, for the ones the plan models; any other is {@code Unsupported}. */
final class PlanCalls {

    private PlanCalls() {
    }

    static Node call(String function, List<Node> args) throws Unsupported {
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
                case "_==_" -> b instanceof Constant c ? new EqualsConstant(a, c.value(), true)
                        : frame -> equal(a.eval(frame), b.eval(frame));
                case "_!=_" -> b instanceof Constant c ? new EqualsConstant(a, c.value(), false)
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

    /**
     * {@code text.matches('re')} with a constant pattern, compiled once with RE2/J as CEL
     * compiles it on every call, and matched as CEL's default options say (partial or whole).
     * RE2/J and nothing else: a backtracking engine takes exponential time on patterns such as
     * {@code ^(.*a){20}$}, and patterns come from whoever writes checks.
     */
    private static Node matches(Node text, Node pattern) throws Unsupported {
        if (!(pattern instanceof Constant c && c.value() instanceof String regex)) {
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
}
