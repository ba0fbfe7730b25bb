package dev.attest.policies;

/**
 * A change the version's state does not allow, such as editing a published version or accepting a
 * superseded one: a 409 with the message for the API, the message on the page.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class PolicyStateException extends RuntimeException {

    public PolicyStateException(String message) {
        super(message);
    }
}
