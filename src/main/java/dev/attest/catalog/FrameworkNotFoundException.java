package dev.attest.catalog;

/** No framework of the catalog has this id. */
public class FrameworkNotFoundException extends dev.attest.web.NotFoundException {

    public FrameworkNotFoundException(String id) {
        super("No framework with id '" + id + "'");
    }
}
