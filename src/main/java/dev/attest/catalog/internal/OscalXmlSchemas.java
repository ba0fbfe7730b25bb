package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalSchemas.Model;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OSCAL XML documents against the OSCAL 1.1.3 XML schemas that liboscal-java carries, with the JDK's validator, read by
 * a SAX reader that refuses DOCTYPEs. A failure names the element path and the schema rule. Schemas are compiled once.
 */
public final class OscalXmlSchemas {

    private static final Map<Model, Schema> XSD = new ConcurrentHashMap<>();

    private OscalXmlSchemas() {
    }

    private static Schema loadXsd(Model model) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(OscalXmlSchemas.class.getResource("/schema/xml/oscal-" + model.schema() + "_schema.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile the OSCAL XML schema for " + model.root(), e);
        }
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

    public static String[] root(byte[] document, String where) {
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

    public static void validate(byte[] document, Model model, String where) {
        Schema schema = XSD.computeIfAbsent(model, OscalXmlSchemas::loadXsd);
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
