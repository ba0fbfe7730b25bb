package dev.attest.catalog.internal;

import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OSCAL catalog or profile, JSON or XML, into the JSON shape of the OSCAL model, so that
 * one resolver serves both formats. XML elements that OSCAL groups into arrays in JSON (control,
 * group, part, param, prop, with-id, import, ...) become arrays under the JSON name; markup
 * (paragraphs, lists, inline emphasis) becomes the part's prose, and a parameter insert element
 * becomes the insert mark the JSON form writes in prose.
 * The document has been validated against its schema first, so the shapes are known.
 */
final class OscalTree {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** XML element name to the JSON array it is grouped as. */
    private static final Map<String, String> GROUPED = Map.ofEntries(
            Map.entry("control", "controls"), Map.entry("group", "groups"), Map.entry("part", "parts"),
            Map.entry("param", "params"), Map.entry("prop", "props"), Map.entry("link", "links"),
            Map.entry("with-id", "with-ids"), Map.entry("import", "imports"), Map.entry("set-parameter", "set-parameters"),
            Map.entry("alter", "alters"), Map.entry("add", "adds"), Map.entry("remove", "removes"),
            Map.entry("resource", "resources"), Map.entry("rlink", "rlinks"), Map.entry("value", "values"),
            Map.entry("choice", "choice"), Map.entry("include-controls", "include-controls"),
            Map.entry("exclude-controls", "exclude-controls"), Map.entry("matching", "matching"),
            Map.entry("role", "roles"), Map.entry("party", "parties"), Map.entry("location", "locations"),
            Map.entry("responsible-party", "responsible-parties"), Map.entry("constraint", "constraints"),
            Map.entry("guideline", "guidelines"), Map.entry("test", "tests"), Map.entry("email-address", "email-addresses"),
            Map.entry("telephone-number", "telephone-numbers"), Map.entry("document-id", "document-ids"),
            Map.entry("revision", "revisions"), Map.entry("hash", "hashes"), Map.entry("citation", "citation"),
            Map.entry("insert-controls", "insert-controls"), Map.entry("member-of-organization", "member-of-organizations"),
            Map.entry("party-uuid", "party-uuids"), Map.entry("addr-line", "addr-lines"));
    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "li", "table", "tr", "td", "th", "pre", "blockquote",
            "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> INLINE = Set.of("em", "strong", "b", "i", "code", "a", "sub", "sup", "q", "img", "insert");
    /** Elements that are objects even when empty. */
    private static final Set<String> OBJECTS = Set.of("include-all", "merge", "as-is", "flat", "combine", "custom", "select");

    private OscalTree() {
    }

    /** The model's object: the value of the root property ({@code catalog}, {@code profile}). */
    static ObjectNode read(byte[] document, OscalSchemas.Format format, String where) {
        if (format == OscalSchemas.Format.JSON) {
            try {
                JsonNode root = JSON.readTree(document);
                for (var property : root.properties()) {
                    if (!"$schema".equals(property.getKey()) && property.getValue() instanceof ObjectNode model) {
                        return model;
                    }
                }
                return NODES.objectNode();
            } catch (JacksonException e) {
                throw new OscalDocumentException(where, "json-syntax", "is not well-formed JSON: " + e.getOriginalMessage());
            }
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog and comments
            }
            JsonNode root = element(reader);
            return root instanceof ObjectNode object ? object : NODES.objectNode();
        } catch (XMLStreamException e) {
            throw new OscalDocumentException(where, "xml-syntax", "is not well-formed XML: " + e.getMessage());
        }
    }

    /** Reads the element the reader is on, up to and including its end tag. */
    private static JsonNode element(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            object.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        StringBuilder prose = new StringBuilder();
        boolean children = false;
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String child = reader.getLocalName();
                if (BLOCKS.contains(child)) {
                    String block = markup(reader).strip();
                    if (!block.isEmpty()) {
                        prose.append(prose.isEmpty() ? "" : "\n\n").append(block);
                    }
                } else if (INLINE.contains(child)) {
                    text.append(markup(reader));
                } else {
                    children = true;
                    JsonNode value = element(reader);
                    String grouped = GROUPED.get(child);
                    if (grouped != null) {
                        object.withArray(grouped).add(value);
                    } else {
                        object.set(child, value);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        String content = text.toString().strip().replaceAll("\\s+", " ");
        if (!prose.isEmpty()) {
            object.put("prose", prose.toString());
        }
        if (!children && object.isEmpty() && !OBJECTS.contains(name)) {
            return NODES.stringNode(content);
        }
        if (!content.isEmpty()) {
            object.put(textField(name), content);
        }
        return object;
    }

    /** The JSON name under which an element with attributes keeps its text (OSCAL's "value-key"). */
    private static String textField(String element) {
        return switch (element) {
            case "link", "rlink" -> "text";
            default -> "value";
        };
    }

    /** The text of a markup element and everything in it, inserts written the JSON way. */
    private static String markup(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        if ("insert".equals(name)) {
            String type = reader.getAttributeValue(null, "type");
            String ref = reader.getAttributeValue(null, "id-ref");
            skip(reader);
            return "{{ insert: " + (type == null ? "param" : type) + ", " + ref + " }}";
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String child = reader.getLocalName();
                String inner = markup(reader);
                text.append("li".equals(child) ? "\n- " + inner.strip() : inner);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
        }
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
