package dev.attest.monitoring.internal;

import dev.cel.runtime.CelEvaluationException;

import java.time.Instant;
import java.util.Map;

/** CEL's own evaluation of a check, held to the evaluation budget, its errors worded for people. */
final class BudgetedCel {

    private BudgetedCel() {
    }

    /**
     * Runs a compiled expression on CEL alone, over a document prepared with {@link CelEngine#celValue}, under
     * an {@link EvaluationBudget}: CEL stops its list macros at the step limit, and a listener CEL
     * calls after each node it evaluates stops it when the time is spent.
     */
    static CelEngine.Verdict evaluate(CelEngine.Compiled compiled, Map<String, Object> celDocument, Instant now) {
        EvaluationBudget budget = new EvaluationBudget();
        int[] visits = new int[1];
        try {
            Object value = compiled.program().trace(Map.of("resource", celDocument, "now", now), (expr, result) -> {
                if ((++visits[0] & 255) == 0) {
                    budget.checkTime();
                }
            });
            if (value instanceof Boolean b) {
                return new CelEngine.Verdict(b ? "pass" : "fail", null);
            }
            return new CelEngine.Verdict("error", "the expression gave " + value + " instead of true or false");
        } catch (CelEvaluationException e) {
            if (overBudget(e)) {
                return new CelEngine.Verdict("error", EvaluationBudget.EXCEEDED);
            }
            String message = e.getMessage();
            int at = message.indexOf(": ");
            return new CelEngine.Verdict("error", at > 0 && message.startsWith("evaluation error") ? message.substring(at + 2) : message);
        } catch (EvaluationBudget.TimeUp e) {
            return new CelEngine.Verdict("error", EvaluationBudget.EXCEEDED);
        } catch (RuntimeException e) {
            return new CelEngine.Verdict("error", String.valueOf(e.getMessage()));
        }
    }

    private static boolean overBudget(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EvaluationBudget.TimeUp || cause instanceof dev.cel.common.exceptions.CelIterationLimitExceededException) {
                return true;
            }
        }
        return false;
    }
}
