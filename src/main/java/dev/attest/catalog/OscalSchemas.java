package dev.attest.catalog;

import dev.attest.catalog.internal.OscalJsonSchemas;
import dev.attest.catalog.internal.OscalXmlSchemas;

import java.util.List;
import java.util.Locale;

/**
 * Validates OSCAL documents, XML and JSON, against the OSCAL 1.1.3 schemas that liboscal-java
 * carries on the classpath ({@code /schema/xml/oscal-*_schema.xsd}, {@code /schema/json/oscal-*_schema.json}),
 * offline: the XML schema with the JDK's validator, the JSON schema (draft 07) with everit, the
 * validator liboscal-java's own stack brings. A failure is an {@link OscalDocumentException}
 * naming the path and the rule. Schemas are compiled once and kept. The oscal module checks its
 * exports here, so this facade stays in the module's API; the validators sit in {@code internal}.
 */
public final class OscalSchemas {

    /** The OSCAL XML namespace every OSCAL 1.x element lives in. */
    public static final String NAMESPACE = "http://csrc.nist.gov/ns/oscal/1.0";

    /**
     * Whether an address passes the JSON schema's email format as the validator applies it (it wants a known
     * top-level domain, so {@code admin@localhost} and {@code someone@example.test} do not), so that an export
     * lists only addresses its own schema accepts.
     */
    public static boolean acceptsEmail(String address) {
        return address != null && org.apache.commons.validator.routines.EmailValidator.getInstance(false, true).isValid(address);
    }

    /** The document models this class knows, by root name (the same in XML and JSON). */
    public enum Model {
        CATALOG("catalog", "catalog"),
        PROFILE("profile", "profile"),
        SYSTEM_SECURITY_PLAN("system-security-plan", "ssp"),
        COMPONENT_DEFINITION("component-definition", "component-definition"),
        ASSESSMENT_RESULTS("assessment-results", "ar"),
        PLAN_OF_ACTION_AND_MILESTONES("plan-of-action-and-milestones", "poam"),
        ASSESSMENT_PLAN("assessment-plan", "ap");

        private final String root;
        private final String schema;

        Model(String root, String schema) {
            this.root = root;
            this.schema = schema;
        }

        /** The root element (XML) or top-level property (JSON). */
        public String root() {
            return root;
        }

        /** The short name of its schema files, {@code oscal-<schema>_schema.xsd} and {@code .json}. */
        public String schema() {
            return schema;
        }

        static Model ofRoot(String root) {
            for (Model model : values()) {
                if (model.root.equals(root)) {
                    return model;
                }
            }
            return null;
        }
    }

    /** The two serialisations this class reads. */
    public enum Format {
        JSON, XML;

        /** The format by the first character that is not white space or a byte-order mark: an opening brace (JSON) or angle bracket (XML). */
        public static Format detect(byte[] document, String where) {
            for (int i = 0; i < Math.min(document.length, 4096); i++) {
                int c = document[i] & 0xff;
                if (c == '{') {
                    return JSON;
                }
                if (c == '<') {
                    return XML;
                }
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    break;
                }
            }
            throw new OscalDocumentException(where, "format", "is neither an OSCAL JSON document (an object) nor an OSCAL XML document");
        }

        public String mediaType() {
            return this == JSON ? "application/json" : "application/xml";
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private OscalSchemas() {
    }

    /**
     * Which OSCAL model a document is, from its root, or an {@link OscalDocumentException} when it is
     * JSON or XML but not OSCAL.
     */
    public static Model modelOf(byte[] document, String where) {
        Format format = Format.detect(document, where);
        if (format == Format.JSON) {
            List<String> roots = OscalJsonSchemas.roots(document, where);
            if (roots.size() != 1 || Model.ofRoot(roots.get(0)) == null) {
                throw new OscalDocumentException(where + "#/", "oscal-root", "is JSON but not an OSCAL document: it must hold exactly one "
                        + "of catalog, profile, system-security-plan, component-definition, assessment-results, "
                        + "plan-of-action-and-milestones (found: " + String.join(", ", roots) + ")");
            }
            return Model.ofRoot(roots.get(0));
        }
        String[] root = OscalXmlSchemas.root(document, where);
        Model model = Model.ofRoot(root[1]);
        if (!NAMESPACE.equals(root[0]) || model == null) {
            throw new OscalDocumentException(where + ":/" + root[1], "oscal-root", "is XML but not an OSCAL document: the root element is {"
                    + root[0] + "}" + root[1] + ", expected an element of " + NAMESPACE);
        }
        return model;
    }

    /** Validates a document of the given model in the given format; throws naming path and rule. */
    public static void validate(byte[] document, Format format, Model model, String where) {
        if (format == Format.JSON) {
            OscalJsonSchemas.validate(document, model, where);
        } else {
            OscalXmlSchemas.validate(document, model, where);
        }
    }
}
