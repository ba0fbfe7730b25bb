package dev.attest.catalog;

import dev.attest.web.InvalidFieldException;

import java.util.Map;

/**
 * An OSCAL document that cannot be taken: not OSCAL, invalid against the OSCAL schemas, or not
 * resolvable (a profile import pointing nowhere, a circular import, a control selected twice).
 * Answered as a 400 naming the place in the document ({@link #path()}, a JSON pointer or an XML
 * element path, prefixed with the file name when there are several) and the rule broken.
 */
public class OscalDocumentException extends InvalidFieldException {

    private final String path;
    private final String rule;

    public OscalDocumentException(String path, String rule, String message) {
        super(Map.of(path, message + (rule == null ? "" : " (rule: " + rule + ")")));
        this.path = path;
        this.rule = rule;
    }

    /** Where in the document: {@code catalog.json#/catalog/groups/0/controls/3} or {@code profile.xml:/profile/import[1]}. */
    public String path() {
        return path;
    }

    /** The schema rule or import rule broken, e.g. {@code required}, {@code cvc-complex-type.2.4.a}, {@code circular-import}. */
    public String rule() {
        return rule;
    }
}
