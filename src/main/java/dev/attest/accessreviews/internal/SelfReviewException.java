package dev.attest.accessreviews.internal;

/** A reviewer tried to decide about their own account: it goes to their manager or an admin (a 403). */
class SelfReviewException extends RuntimeException {

    SelfReviewException(String message) {
        super(message);
    }
}
