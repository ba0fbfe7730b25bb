package dev.attest.catalog.internal;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A resolved catalog or profile: entries in catalog order, the ids selected, parameter values and the parts profiles added. */
record OscalResolution(List<OscalEntry> entries, Set<String> selected, Map<String, JsonNode> params,
                       Map<String, List<JsonNode>> addedParts) {
}
