package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A batch of resources as documents to store, by type: a push is checked first (types, ids, sizes), a collection is taken as it is. */
@Component
@RequiredArgsConstructor
class ResourceBatches {

    private final ResourceTypes types;
    private final MonitoringProperties properties;

    /**
     * A batch given as resources (an import, a feed) as documents by type, checked as a push is.
     */
    Map<String, List<ResourceStore.Document>> validated(WorkspaceId workspace, List<Resource> batch) {
        return validatedPush(workspace, batch.stream().map(r -> new PushBody.Pushed(r.type(), r.id(), Documents.write(r.data()))).toList());
    }

    /**
     * A pushed batch as documents by type; a resource of a type nobody knows, without an id or too
     * large, or a batch that is too large, is refused naming its index.
     */
    Map<String, List<ResourceStore.Document>> validatedPush(WorkspaceId workspace, List<PushBody.Pushed> batch) {
        int maxBatch = properties.getMaxBatch();
        if (batch.size() > maxBatch) {
            throw new InvalidFieldException("resources", "at most " + maxBatch + " resources per request (this one has " + batch.size() + ")");
        }
        Set<String> known = types.known(workspace);
        Map<String, String> errors = new LinkedHashMap<>();
        long maxSize = properties.getMaxDocumentSize().toBytes();
        for (int i = 0; i < batch.size() && errors.size() < 20; i++) {
            PushBody.Pushed r = batch.get(i);
            if (r.type() == null || !known.contains(r.type())) {
                errors.put("resources[" + i + "].type", "'" + r.type() + "' is not a known resource type (known: " + String.join(", ", known) + ")");
            }
            if (r.id() == null || r.id().isBlank() || r.id().length() > 500) {
                errors.put("resources[" + i + "].id", "a stable id of 1 to 500 characters");
            }
            String text = r.json();
            // one char is one byte for ASCII JSON; only a document near the limit is measured exactly
            if (text.length() > maxSize / 4 && text.getBytes(StandardCharsets.UTF_8).length > maxSize) {
                errors.put("resources[" + i + "].data", "a document of at most " + maxSize + " bytes (this one has "
                        + text.getBytes(StandardCharsets.UTF_8).length + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return byType(batch);
    }

    static Map<String, List<ResourceStore.Document>> documents(List<Resource> batch) {
        return byType(batch.stream().map(r -> new PushBody.Pushed(r.type(), r.id(), Documents.write(r.data()))).toList());
    }

    /** Documents by type; when a batch names one resource twice, the later one counts. */
    private static Map<String, List<ResourceStore.Document>> byType(List<PushBody.Pushed> batch) {
        Map<String, Map<String, ResourceStore.Document>> byType = new LinkedHashMap<>();
        for (PushBody.Pushed r : batch) {
            byType.computeIfAbsent(r.type(), t -> new LinkedHashMap<>())
                    .put(r.id(), new ResourceStore.Document(r.type(), r.id(), r.json(), ContentHash.of(r.json())));
        }
        Map<String, List<ResourceStore.Document>> out = new LinkedHashMap<>();
        byType.forEach((type, docs) -> out.put(type, new ArrayList<>(docs.values())));
        return out;
    }
}
