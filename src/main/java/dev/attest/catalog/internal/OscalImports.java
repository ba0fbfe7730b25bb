package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Framework;
import dev.attest.catalog.FrameworkImported;
import dev.attest.catalog.ImportFramework;
import dev.attest.catalog.ImportShippedFramework;
import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalUpload;
import dev.attest.catalog.Requirement;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports OSCAL catalogs and profiles as frameworks. Every document is checked to be OSCAL and
 * validated against the OSCAL 1.1.3 schema of its model before anything is read ({@link OscalDocument});
 * the profile is resolved ({@link OscalResolver}) and turned into requirements ({@link ImportedRequirements});
 * the framework and its requirements are written in one transaction and join the catalog only once
 * it commits, so a failure leaves nothing behind. The NIST SP 800-53 rev 5 catalog and its baselines
 * ship with Attest ({@link ShippedOscal}).
 */
@Service
@Validated
@RequiredArgsConstructor
class OscalImports implements SmartInitializingSingleton {

    /** What an import made. */
    record Result(String id, String name, String version, int requirements, int groups, int withdrawnSkipped, int mapped) {
    }

    private final Catalog catalog;
    private final ImportedFrameworkStore store;
    private final ImportedFrameworks frameworks;
    private final ShippedOscal shipped;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Puts the frameworks imported earlier back into the catalog when the application starts. */
    @Override
    public void afterSingletonsInstantiated() {
        frameworks.reload();
    }

    /** Imports uploaded documents: one catalog, or profiles with the catalogs (or shipped catalog) they import. */
    @Transactional
    public Result importDocuments(WorkspaceId workspace, @Valid ImportFramework command, String actor) {
        checkFree(command.id());
        List<OscalDocument> documents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (OscalUpload upload : command.file()) {
            String fileName = upload.name() == null || upload.name().isBlank() ? "document-" + (documents.size() + 1) : upload.name();
            if (!names.add(fileName)) {
                throw new InvalidFieldException("file", "two files are named " + fileName);
            }
            documents.add(OscalDocument.read(fileName, upload.content(), true));
        }
        OscalDocument root = ProfileRoots.root(documents);
        return store(workspace, command.id(), command.name(), root, new OscalResolver(documents, shipped::document), Map.of(),
                uploadsSource(command.file()), actor);
    }

    /** Imports one of the frameworks shipped as OSCAL (800-53 and its baselines), mapped to the control library. */
    @Transactional
    public Result importShipped(WorkspaceId workspace, @Valid ImportShippedFramework command, String actor) {
        ShippedOscal.Shipped chosen = ShippedOscal.shipped(command.shipped())
                .orElseThrow(() -> new InvalidFieldException("shipped", "not a shipped framework; one of "
                        + String.join(", ", ShippedOscal.SHIPPED.stream().map(ShippedOscal.Shipped::id).toList())));
        String frameworkId = command.id() == null ? chosen.id() : command.id();
        checkFree(frameworkId);
        OscalDocument root = shipped.document(chosen.profile() == null ? ShippedOscal.CATALOG : chosen.profile()).orElseThrow();
        return store(workspace, frameworkId, chosen.name(), root, new OscalResolver(List.of(), shipped::document), shipped.mapping(),
                "shipped:" + chosen.id(), actor);
    }

    private void checkFree(String id) {
        if (catalog.framework(id).isPresent() || store.exists(id)) {
            throw new InvalidFieldException("id", "a framework '" + id + "' already exists; choose another id");
        }
    }

    private static String uploadsSource(List<OscalUpload> uploads) {
        String names = String.join(", ", uploads.stream().map(OscalUpload::name).toList());
        return names.length() > 600 ? names.substring(0, 597) + "..." : names;
    }

    private Result store(WorkspaceId workspace, String id, String name, OscalDocument root, OscalResolver resolver,
                         Map<String, ShippedOscal.Mapping> mapping, String source, String actor) {
        OscalResolution resolution = resolver.resolve(root);
        JsonNode metadata = root.body().path("metadata");
        String title = name == null ? metadata.path("title").asString(id) : name;
        ImportedRequirements.Built built = ImportedRequirements.build(id, resolution, mapping);
        if (built.requirements().stream().noneMatch(Requirement::assessed)) {
            throw new OscalDocumentException(root.name(), "empty-selection", "selects no control that is not withdrawn: nothing to import");
        }
        String version = metadata.path("version").asString("");
        Framework framework = new Framework(id, ImportedRequirements.cut(title, 300),
                ImportedRequirements.cut(version.isBlank() ? "1" : version, 200),
                ImportedRequirements.cut("OSCAL " + metadata.path("oscal-version").asString("") + " " + root.model().root() + ": "
                        + metadata.path("title").asString(""), 600),
                null, List.of(), built.requirements());
        store.insert(framework, source, clock.instant(), actor);
        events.publishEvent(new FrameworkImported(workspace, id, framework.name(), (int) framework.assessedCount(), source, actor));
        frameworks.changed(framework);
        return new Result(id, framework.name(), framework.version(), (int) framework.assessedCount(), built.groups(),
                built.withdrawnSkipped(), built.mapped());
    }
}
