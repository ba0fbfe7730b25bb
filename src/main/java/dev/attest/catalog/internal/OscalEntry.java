package dev.attest.catalog.internal;

import tools.jackson.databind.JsonNode;

/** A group or control in catalog order; {@code parent} is the id of the enclosing group or control. */
record OscalEntry(String id, boolean group, String parent, JsonNode node) {
    boolean withdrawn() {
        for (JsonNode prop : node.path("props")) {
            if ("status".equals(prop.path("name").asString("")) && "withdrawn".equals(prop.path("value").asString(""))) {
                return true;
            }
        }
        return false;
    }

    String label() {
        for (JsonNode prop : node.path("props")) {
            if ("label".equals(prop.path("name").asString("")) && prop.path("class").asString("").isEmpty()) {
                return prop.path("value").asString(null);
            }
        }
        for (JsonNode prop : node.path("props")) {
            if ("label".equals(prop.path("name").asString(""))) {
                return prop.path("value").asString(null);
            }
        }
        return null;
    }
}
