package dev.attest.monitoring.internal;

import dev.attest.monitoring.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one kind of system into resources. Adding a collector is adding one class that implements
 * this (a Spring bean), its {@link Description} and how it collects, and its tests: connections of its
 * kind then run it on their schedule.
 */
public interface Collector {

    /** What it reads and what it asks of a connection: the forms, the setup page and the resource types read it from here. */
    Description description();

    /**
     * Reads the target. A target that is down or refuses the credentials throws {@link CollectionFailed}
     * with a message for people; the run is then recorded as an error and nothing is replaced.
     *
     * @param secrets the decrypted secrets of the connection (e.g. {@code password})
     */
    List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed;

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

    /**
     * A collector's description, said once: the connection kind it serves (e.g. {@code postgres}), the
     * resource types it produces, what the target field means for this kind (for forms and error messages),
     * the credentials a connection of this kind takes in the order its form shows them (the form is built
     * from them, so a new kind needs no template change), and what an administrator grants before
     * connecting, shown on the connection's setup page (least privilege, read-only).
     */
    record Description(String kind, Set<String> types, String targetHint, List<CredentialField> credentials, List<SetupStep> setup) {

        /** A kind that takes no credentials and needs no setup steps; the withers add them. */
        public static Description of(String kind, String targetHint, String... types) {
            return new Description(kind, Set.of(types), targetHint, List.of(), List.of());
        }

        public Description withCredentials(CredentialField... credentials) {
            return withCredentials(List.of(credentials));
        }

        public Description withCredentials(List<CredentialField> credentials) {
            return new Description(kind, types, targetHint, credentials, setup);
        }

        public Description withSetup(SetupStep... setup) {
            return new Description(kind, types, targetHint, credentials, List.of(setup));
        }
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
