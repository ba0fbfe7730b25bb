package dev.attest.evidence;

/** An upload is larger than {@code attest.evidence.max-upload-size}: the API answers 413. */
public class EvidenceTooLargeException extends RuntimeException {

    public EvidenceTooLargeException(long limit) {
        super("The file is larger than the upload limit of " + limit + " bytes");
    }
}
