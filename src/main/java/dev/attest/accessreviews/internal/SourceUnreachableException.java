package dev.attest.accessreviews.internal;

/** Collecting a system by hand failed: the API answers 502 naming the system and the source's error. */
class SourceUnreachableException extends RuntimeException {

    private final String system;

    SourceUnreachableException(String system, String message) {
        super(system + ": " + message);
        this.system = system;
    }

    String system() {
        return system;
    }
}
