package dev.attest.monitoring.internal;

import java.time.Duration;

/**
 * What one evaluation of one check over one resource may spend: at most {@link #MAX_STEPS}
 * iterations of its list macros ({@code all}, {@code exists}, {@code map}, {@code filter}, nested
 * ones counted together) and at most {@link #MAX_TIME} of wall-clock time. A check that needs more
 * is an error result for that resource, never a stuck thread: checks are written by users, and a
 * nested {@code all()} over a long list grows as the product of the lists' lengths. The same budget
 * bounds constant folding when a plan is built.
 */
final class EvaluationBudget {

    static final int MAX_STEPS = 100_000;
    static final Duration MAX_TIME = Duration.ofMillis(250);
    static final String EXCEEDED = "the check needed more than its budget (" + MAX_STEPS + " list steps or "
            + MAX_TIME.toMillis() + " ms) for this resource";

    /** How many steps pass between two looks at the clock: reading it costs more than a step. */
    private static final int CLOCK_EVERY = 64;

    private final long deadline = System.nanoTime() + MAX_TIME.toNanos();
    private int steps;

    /** Thrown when the budget is spent; carries no stack, since it is an expected outcome. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super(EXCEEDED, null, false, false);
        }
    }

    /** Counts one step; throws {@link Exceeded} once the steps or the time are spent. */
    void step() {
        if (++steps > MAX_STEPS || (steps % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0)) {
            throw new Exceeded();
        }
    }

    /**
     * Thrown from inside CEL when the time is spent. An Error, not an exception: CEL turns an
     * exception in a sub-expression into an error value that {@code &&}, {@code ||} and the list
     * macros may absorb, and would then carry on with the loop.
     */
    static final class TimeUp extends Error {
        TimeUp() {
            super(EXCEEDED, null, false, false);
        }
    }

    /** Looks at the clock only (for work that is not a list step, such as CEL's node visits). */
    void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new TimeUp();
        }
    }
}
