package dev.attest.web;

/** The thing asked for does not exist, or not in the caller's workspace: a 404 either way. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
