package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalSchemas;
import tools.jackson.databind.node.ObjectNode;

/** An OSCAL catalog or profile that has been checked and read, in the JSON shape of its model whichever format it came in. */
record OscalDocument(String name, OscalSchemas.Model model, ObjectNode body) {

    String uuid() {
        return body.path("uuid").asString("");
    }

    /** Checks that the bytes are an OSCAL catalog or profile of OSCAL 1.x, valid against its schema when asked, and reads them. */
    static OscalDocument read(String name, byte[] content, boolean validate) {
        OscalSchemas.Format format = OscalSchemas.Format.detect(content, name);
        OscalSchemas.Model model = OscalSchemas.modelOf(content, name);
        if (model != OscalSchemas.Model.CATALOG && model != OscalSchemas.Model.PROFILE) {
            throw new OscalDocumentException(name, "oscal-model", "is an OSCAL " + model.root() + "; a framework is imported from a catalog or a profile");
        }
        if (validate) {
            OscalSchemas.validate(content, format, model, name);
        }
        var body = OscalTree.read(content, format, name);
        String oscalVersion = body.path("metadata").path("oscal-version").asString("");
        if (!oscalVersion.startsWith("1.")) {
            throw new OscalDocumentException(name + (format == OscalSchemas.Format.JSON ? "#/" + model.root() + "/metadata/oscal-version"
                    : ":/" + model.root() + "/metadata/oscal-version"), "oscal-version", "OSCAL " + oscalVersion + " is not OSCAL 1.x");
        }
        return new OscalDocument(name, model, body);
    }
}
