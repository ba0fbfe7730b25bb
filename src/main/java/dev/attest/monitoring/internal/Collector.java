package dev.attest.monitoring.internal;

import dev.attest.monitoring.Resource;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Reads the target. A target that is down or refuses the credentials throws {@link CollectionFailed}
     * with a message for people; the run is then recorded as an error and nothing is replaced.
     *
     * @param secrets the decrypted secrets of the connection (e.g. {@code password})
     */
    List<Resource> collect(String target, Map<String, String> secrets, Progress progress) throws CollectionFailed;

    /** Reports how far a run has got, shown while it goes. */
    interface Progress {
        void report(String step);
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
