package dev.attest.accessreviews;

import java.util.List;

/**
 * Reads the accounts of one kind of system. A Spring bean implementing it adds a system kind:
 * systems of that kind are collected through it when a campaign starts and whenever someone or the
 * schedule collects them again (which is what verifies remediation tasks).
 */
public interface AccountSource {

    /** The system kind it serves, e.g. {@code postgres}; lower case, unique. */
    String kind();

    /** What the target means for this kind, for forms and errors; empty when the kind needs none. */
    String targetHint();

    /** Reads every account now; a system that cannot be reached throws, with a message for people. */
    List<Account> accounts(SourceTarget target) throws SourceUnavailable;

    /** The system could not be read: it is down, refused the credentials, or has not reported. */
    class SourceUnavailable extends Exception {
        public SourceUnavailable(String message) {
            super(message);
        }

        public SourceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
