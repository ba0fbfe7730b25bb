package dev.attest.monitoring.internal;

import static dev.attest.monitoring.internal.ExpressionPlan.*;

/** The plan's own nodes that the translator builds besides calls: fields, constants and values fixed per run. */
final class PlanNodes {

    private PlanNodes() {
    }

    /** {@code resource.field}: one array load, the most common node of all. */
    record ResourceField(int slot) implements Node {
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
    record ResourceHas(int slot) implements Node {
        @Override
        public Object eval(Object[] frame) {
            return ((Object[]) frame[RESOURCE])[slot] != null;
        }
    }

    /** {@code x == 'constant'} (or {@code !=}), the second most common. */
    record EqualsConstant(Node operand, Object constant, boolean equals) implements Node {
        @Override
        public Object eval(Object[] frame) {
            return equal(operand.eval(frame), constant) == equals;
        }
    }

    /** A value that depends on {@code now} alone, kept for as long as {@code now} stays the same. */
    static final class OncePerRun implements Node {
        record Memo(Object now, Object value) {
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

    record Constant(Object value) implements Node {
        @Override
        public Object eval(Object[] frame) {
            return value;
        }
    }
}
