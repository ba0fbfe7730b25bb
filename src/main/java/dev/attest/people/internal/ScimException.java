package dev.attest.people.internal;

import org.springframework.http.HttpStatus;

/** A SCIM request that cannot be served, answered with an RFC 7644 error body. */
class ScimException extends RuntimeException {

    private final HttpStatus status;
    private final String scimType;

    ScimException(HttpStatus status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    HttpStatus status() {
        return status;
    }

    String scimType() {
        return scimType;
    }
}
