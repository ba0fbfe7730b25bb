package dev.attest.catalog.internal;

import dev.attest.catalog.CatalogException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read as raw nodes, so that every value keeps the line it came from and every
 * scalar stays the text that was written (a ref such as {@code 1.10} is never read as a number).
 */
final class YamlDocument {

    private final String file;
    private final Node node;
    private final Map<String, Node> fields;

    private YamlDocument(String file, Node node) {
        this.file = file;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, "expected a mapping of keys to values");
        }
        this.fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "expected a plain key");
            }
            if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                throw error(key, "duplicate key '" + key.getValue() + "'");
            }
        }
    }

    static YamlDocument parse(String file, Reader reader) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                throw new CatalogException(file + ":1: the file is empty");
            }
            return new YamlDocument(file, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new CatalogException(file + ":" + line + ": not valid YAML: " + e.getProblem(), e);
        }
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    CatalogException error(String message) {
        return error(node, message);
    }

    CatalogException error(Node at, String message) {
        return new CatalogException(file + ":" + (at.getStartMark().getLine() + 1) + ": " + message);
    }

    /** Refuses keys outside the schema, so that a typo is not silently ignored. */
    YamlDocument allowOnly(Set<String> keys) {
        for (Map.Entry<String, Node> field : fields.entrySet()) {
            if (!keys.contains(field.getKey())) {
                throw error(field.getValue(), "unknown key '" + field.getKey() + "' (allowed: " + String.join(", ", keys) + ")");
            }
        }
        return this;
    }

    String requiredText(String key) {
        String value = text(key);
        if (value == null || value.isBlank()) {
            throw error("missing '" + key + "'");
        }
        return value;
    }

    String text(String key) {
        Node value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, "'" + key + "' must be a single value");
        }
        return scalar.getValue().strip();
    }

    boolean flag(String key) {
        String value = text(key);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(fields.get(key), "'" + key + "' must be true or false");
        };
    }

    YamlDocument mapping(String key) {
        Node value = fields.get(key);
        if (value == null) {
            throw error("missing '" + key + "'");
        }
        return new YamlDocument(file, value);
    }

    /** A list of mappings; absent means empty. */
    List<YamlDocument> mappings(String key) {
        List<YamlDocument> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            result.add(new YamlDocument(file, item));
        }
        return result;
    }

    /** A list of scalars with their nodes, for messages that point at one item; absent means empty. */
    List<ScalarNode> scalars(String key) {
        List<ScalarNode> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof ScalarNode scalar)) {
                throw error(item, "items of '" + key + "' must be single values");
            }
            result.add(scalar);
        }
        return result;
    }

    private List<Node> sequence(String key) {
        Node value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, "'" + key + "' must be a list");
        }
        return sequence.getValue();
    }
}
