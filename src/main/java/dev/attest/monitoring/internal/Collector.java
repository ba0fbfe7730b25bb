package dev.attest.monitoring.internal;

import dev.attest.monitoring.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one kind of system into resources. Adding a collector is adding one class that implements
 * this (a Spring bean) and its tests: connections of its kind then run it on their schedule.
 */
public interface Collector {

    /** The connection kind it serves, e.g. {@code postgres}. */
    String kind();

    /** The resource types it produces. */
    Set<String> types();

    /** What the target field means for this kind, for forms and error messages. */
    String targetHint();

    /**
     * The credentials a connection of this kind takes, in the order its form shows them; the connection
     * form is built from this, so a new kind needs no template change.
     */
    default List<CredentialField> credentials() {
        return List.of();
    }

    /**
     * Reads the target. A target that is down or refuses the credentials throws {@link CollectionFailed}
     * with a message for people; the run is then recorded as an error and nothing is replaced.
     *
     * @param secrets the decrypted secrets of the connection (e.g. {@code password})
     */
    List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed;

    /**
     * What an administrator grants before connecting, shown on the connection's setup page, each step
     * with a block to copy (a policy document, a list of scopes). Least privilege, read-only.
     */
    default List<SetupStep> setup() {
        return List.of();
    }

    /**
     * Tests the credentials against the target. Wrong, expired or refused credentials throw
     * {@link CollectionFailed} with one sentence; otherwise the answer names each permission that is
     * missing (empty when everything needed is granted). The default reads the target once.
     */
    default List<String> test(String target, Map<String, String> secrets) throws CollectionFailed {
        List<String> problems = new ArrayList<>();
        collect(target, secrets, Progress.of(step -> { }, problems::add));
        return problems;
    }

    /** One step of a connection's setup: what to do, and the text to copy for it (may be null). */
    record SetupStep(String title, String explanation, String copyable) {
    }

    /** Reports how far a run has got, shown while it goes. */
    interface Progress {
        void report(String step);

        /**
         * Something the run could not read while it went on with the rest, for people (for example
         * "missing permission iam:GetAccountSummary"). The run still succeeds with what it read, and the
         * problems are recorded on it.
         */
        default void problem(String message) {
        }

        /** Progress that hands each step and each problem on. */
        static Progress of(Consumer<String> steps, Consumer<String> problems) {
            return new Progress() {
                @Override
                public void report(String step) {
                    steps.accept(step);
                }

                @Override
                public void problem(String message) {
                    problems.accept(message);
                }
            };
        }
    }

    /** Collection failed for a reason a person can act on. */
    class CollectionFailed extends Exception {
        public CollectionFailed(String message) {
            super(message);
        }

        public CollectionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
