package dev.attest.catalog;

/** No control of the library has this key. */
public class ControlNotFoundException extends dev.attest.web.NotFoundException {

    public ControlNotFoundException(String key) {
        super("No control with key '" + key + "'");
    }
}
