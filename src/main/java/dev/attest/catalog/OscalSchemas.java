package dev.attest.catalog;

import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates OSCAL documents, XML and JSON, against the OSCAL 1.1.3 schemas that liboscal-java
 * carries on the classpath ({@code /schema/xml/oscal-*_schema.xsd}, {@code /schema/json/oscal-*_schema.json}),
 * offline: the XML schema with the JDK's validator, the JSON schema (draft 07) with everit, the
 * validator liboscal-java's own stack brings. A failure is an {@link OscalDocumentException}
 * naming the path and the rule. Schemas are compiled once and kept.
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

    private static final Map<Model, Schema> XSD = new ConcurrentHashMap<>();
    private static final Map<Model, org.everit.json.schema.Schema> JSON_SCHEMA = new ConcurrentHashMap<>();

    private OscalSchemas() {
    }

    /**
     * Which OSCAL model a document is, from its root, or an {@link OscalDocumentException} when it is
     * JSON or XML but not OSCAL.
     */
    public static Model modelOf(byte[] document, String where) {
        Format format = Format.detect(document, where);
        if (format == Format.JSON) {
            List<String> roots = jsonRoots(document, where);
            if (roots.size() != 1 || Model.ofRoot(roots.get(0)) == null) {
                throw new OscalDocumentException(where + "#/", "oscal-root", "is JSON but not an OSCAL document: it must hold exactly one "
                        + "of catalog, profile, system-security-plan, component-definition, assessment-results, "
                        + "plan-of-action-and-milestones (found: " + String.join(", ", roots) + ")");
            }
            return Model.ofRoot(roots.get(0));
        }
        String[] root = xmlRoot(document, where);
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
            validateJson(document, model, where);
        } else {
            validateXml(document, model, where);
        }
    }

    /** The top-level property names (the optional $schema left out), read with a streaming parser that skips their values. */
    private static List<String> jsonRoots(byte[] document, String where) {
        List<String> roots = new ArrayList<>();
        try (tools.jackson.core.JsonParser parser = tools.jackson.databind.json.JsonMapper.builder().build().createParser(document)) {
            if (parser.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
                throw new OscalDocumentException(where, "json-syntax", "is not a JSON object");
            }
            while (parser.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                parser.skipChildren();
                if (!"$schema".equals(name)) {
                    roots.add(name);
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new OscalDocumentException(where, "json-syntax", "is not well-formed JSON: " + e.getOriginalMessage());
        }
        return roots;
    }

    private static JSONObject parseJson(byte[] document, String where) {
        try {
            return new JSONObject(new JSONTokener(new InputStreamReader(new ByteArrayInputStream(document), StandardCharsets.UTF_8)));
        } catch (JSONException e) {
            throw new OscalDocumentException(where, "json-syntax", "is not well-formed JSON: " + e.getMessage());
        }
    }

    private static void validateJson(byte[] document, Model model, String where) {
        if (model == Model.CATALOG) {
            OscalCatalogStream.validate(document, where);
            return;
        }
        JSONObject object = parseJson(document, where);
        org.everit.json.schema.Schema schema = JSON_SCHEMA.computeIfAbsent(model, OscalSchemas::loadJsonSchema);
        try {
            schema.validate(object);
        } catch (ValidationException e) {
            ValidationException first = e;
            while (!first.getCausingExceptions().isEmpty()) {
                first = first.getCausingExceptions().get(0);
            }
            String pointer = first.getPointerToViolation() == null ? "#" : first.getPointerToViolation();
            int more = e.getViolationCount() - 1;
            throw new OscalDocumentException(where + pointer, first.getKeyword() == null ? "schema" : first.getKeyword(),
                    "invalid against the OSCAL 1.1.3 " + model.root() + " JSON schema: " + first.getErrorMessage()
                            + (more > 0 ? " (and " + more + " more)" : ""));
        }
    }

    private static org.everit.json.schema.Schema loadJsonSchema(Model model) {
        try (InputStream in = resource("/schema/json/oscal-" + model.schema + "_schema.json")) {
            return SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(new InputStreamReader(in, StandardCharsets.UTF_8))))
                    .draftV7Support().build().load().build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OSCAL JSON schema for " + model.root(), e);
        }
    }

    private static Schema loadXsd(Model model) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(OscalSchemas.class.getResource("/schema/xml/oscal-" + model.schema + "_schema.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile the OSCAL XML schema for " + model.root(), e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = OscalSchemas.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the classpath (liboscal-java carries it)");
        }
        return in;
    }

    /** A SAX reader that refuses DOCTYPEs: no external entities, no entity expansion. */
    static XMLReader safeReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] xmlRoot(byte[] document, String where) {
        String[] root = new String[2];
        try {
            XMLReader reader = safeReader();
            reader.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                    root[0] = uri;
                    root[1] = localName;
                    throw new SAXException("root found");
                }
            });
            reader.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            if (root[1] == null) {
                throw new OscalDocumentException(where, "xml-syntax", "is not well-formed XML: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new OscalDocumentException(where, "xml-syntax", "cannot be read: " + e.getMessage());
        }
        return root;
    }

    private static void validateXml(byte[] document, Model model, String where) {
        Schema schema = XSD.computeIfAbsent(model, OscalSchemas::loadXsd);
        ValidatorHandler validator = schema.newValidatorHandler();
        ElementPath path = new ElementPath();
        validator.setContentHandler(path);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                throw failure(e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                throw failure(e);
            }

            private OscalDocumentException failure(SAXParseException e) {
                String message = e.getMessage() == null ? "invalid" : e.getMessage();
                int colon = message.indexOf(": ");
                boolean coded = message.startsWith("cvc-") && colon > 0;
                return new OscalDocumentException(where + ":" + path.path(), coded ? message.substring(0, colon) : "xml-schema",
                        "invalid against the OSCAL 1.1.3 " + model.root() + " XML schema at line " + e.getLineNumber() + ": "
                                + (coded ? message.substring(colon + 2) : message));
            }
        });
        try {
            XMLReader reader = safeReader();
            reader.setContentHandler(validator);
            reader.setErrorHandler(validator.getErrorHandler());
            reader.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            throw new OscalDocumentException(where + ":" + path.path(), "xml-syntax", "is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new OscalDocumentException(where, "xml-syntax", "cannot be read: " + e.getMessage());
        }
    }

    /** Keeps the path of the element being read, as /catalog/group[2]/control[1], for error messages. */
    private static final class ElementPath extends DefaultHandler {
        private final Deque<String> names = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> counts = new ArrayDeque<>(List.of(new HashMap<>()));

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            int n = counts.peek().merge(localName, 1, Integer::sum);
            names.push(localName + "[" + n + "]");
            counts.push(new HashMap<>());
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            names.pop();
            counts.pop();
        }

        String path() {
            List<String> parts = new ArrayList<>(names);
            java.util.Collections.reverse(parts);
            return "/" + String.join("/", parts);
        }
    }
}
