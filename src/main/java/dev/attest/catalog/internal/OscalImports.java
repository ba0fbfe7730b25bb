package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.CatalogException;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.FrameworkImported;
import dev.attest.catalog.OscalDocumentException;
import dev.attest.catalog.OscalSchemas;
import dev.attest.catalog.Requirement;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.nodes.ScalarNode;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Imports OSCAL catalogs and profiles as frameworks. Every document is checked to be OSCAL and
 * validated against the OSCAL 1.1.3 schema of its model before anything is read; the profile is
 * resolved; the framework and its requirements are written in one transaction and join the
 * catalog only once it commits, so a failure leaves nothing behind. The NIST SP 800-53 rev 5
 * catalog and its LOW, MODERATE and HIGH baselines ship with Attest, with the control library
 * mapped to them ({@code catalog/oscal/nist-800-53-mapping.yaml}).
 */
@Service
class OscalImports implements SmartInitializingSingleton {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    private static final String SHIPPED_CATALOG = "NIST_SP-800-53_rev5_catalog";

    /** A framework that ships as OSCAL documents and is imported on request. */
    record Shipped(String id, String name, String profile) {
    }

    static final List<Shipped> SHIPPED = List.of(
            new Shipped("nist-800-53", "NIST SP 800-53 rev 5", null),
            new Shipped("nist-800-53-low", "NIST SP 800-53 rev 5 LOW baseline", "NIST_SP-800-53_rev5_LOW-baseline_profile"),
            new Shipped("nist-800-53-moderate", "NIST SP 800-53 rev 5 MODERATE baseline", "NIST_SP-800-53_rev5_MODERATE-baseline_profile"),
            new Shipped("nist-800-53-high", "NIST SP 800-53 rev 5 HIGH baseline", "NIST_SP-800-53_rev5_HIGH-baseline_profile"));

    /** One uploaded document: its file name and bytes. */
    record Upload(String name, byte[] content) {
    }

    /** What an import made. */
    record Result(String id, String name, String version, int requirements, int groups, int withdrawnSkipped, int mapped) {
    }

    private final Catalog catalog;
    private final ImportedFrameworkStore store;
    private final ImportedFrameworks frameworks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, OscalResolver.Document> shippedDocuments = new ConcurrentHashMap<>();
    private volatile Map<String, Mapping> mapping;

    /** How the control library answers one 800-53 control: the controls, or why none. */
    record Mapping(List<ControlKey> controls, String noControlReason) {
    }

    OscalImports(Catalog catalog, ImportedFrameworkStore store, ImportedFrameworks frameworks, ApplicationEventPublisher events,
                 Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.frameworks = frameworks;
        this.events = events;
        this.clock = clock;
    }

    /** Puts the frameworks imported earlier back into the catalog when the application starts. */
    @Override
    public void afterSingletonsInstantiated() {
        frameworks.reload();
    }

    /** Imports uploaded documents: one catalog, or profiles with the catalogs (or shipped catalog) they import. */
    @Transactional
    public Result importDocuments(WorkspaceId workspace, String id, String name, List<Upload> uploads, String actor) {
        checkId(id);
        if (uploads.isEmpty()) {
            throw new InvalidFieldException("file", "upload an OSCAL catalog, or a profile with the catalog it imports");
        }
        List<OscalResolver.Document> documents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Upload upload : uploads) {
            String fileName = upload.name() == null || upload.name().isBlank() ? "document-" + (documents.size() + 1) : upload.name();
            if (!names.add(fileName)) {
                throw new InvalidFieldException("file", "two files are named " + fileName);
            }
            documents.add(read(fileName, upload.content(), true));
        }
        OscalResolver.Document root = root(documents);
        return store(workspace, id, name, root, new OscalResolver(documents, this::shippedDocument), Map.of(), uploadsSource(uploads), actor);
    }

    /** Imports one of the frameworks shipped as OSCAL (800-53 and its baselines), mapped to the control library. */
    @Transactional
    public Result importShipped(WorkspaceId workspace, String shippedId, String id, String actor) {
        Shipped shipped = SHIPPED.stream().filter(s -> s.id().equals(shippedId)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("shipped", "not a shipped framework; one of "
                        + String.join(", ", SHIPPED.stream().map(Shipped::id).toList())));
        String frameworkId = id == null || id.isBlank() ? shipped.id() : id;
        checkId(frameworkId);
        OscalResolver.Document root = shippedDocument(shipped.profile() == null ? SHIPPED_CATALOG : shipped.profile()).orElseThrow();
        return store(workspace, frameworkId, shipped.name(), root, new OscalResolver(List.of(), this::shippedDocument), mapping(),
                "shipped:" + shipped.id(), actor);
    }

    private void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "2 to 32 lower-case letters, digits and hyphens, e.g. nist-800-53-moderate");
        }
        if (catalog.framework(id).isPresent() || store.exists(id)) {
            throw new InvalidFieldException("id", "a framework '" + id + "' already exists; choose another id");
        }
    }

    private static String uploadsSource(List<Upload> uploads) {
        String names = String.join(", ", uploads.stream().map(Upload::name).toList());
        return names.length() > 600 ? names.substring(0, 597) + "..." : names;
    }

    /** The profile no other uploaded profile imports, or the only catalog. */
    private static OscalResolver.Document root(List<OscalResolver.Document> documents) {
        List<OscalResolver.Document> profiles = documents.stream().filter(d -> d.model() == OscalSchemas.Model.PROFILE).toList();
        if (profiles.isEmpty()) {
            if (documents.size() > 1) {
                throw new InvalidFieldException("file", "several catalogs and no profile: upload one catalog, or a profile that selects from them");
            }
            return documents.get(0);
        }
        List<OscalResolver.Document> roots = new ArrayList<>();
        for (OscalResolver.Document profile : profiles) {
            boolean imported = false;
            for (OscalResolver.Document other : profiles) {
                for (JsonNode anImport : other.body().path("imports")) {
                    String href = anImport.path("href").asString("");
                    if (other != profile && (href.equals("#" + profile.uuid()) || OscalResolver.baseName(href).equals(OscalResolver.baseName(profile.name()))
                            || rlinksName(other, href, profile))) {
                        imported = true;
                    }
                }
            }
            if (!imported) {
                roots.add(profile);
            }
        }
        // profiles importing each other in a ring: every one is imported; start anywhere and let the resolver name the ring
        return roots.isEmpty() ? profiles.get(0) : roots.size() == 1 ? roots.get(0) : fail(roots);
    }

    private static boolean rlinksName(OscalResolver.Document profile, String href, OscalResolver.Document target) {
        if (!href.startsWith("#")) {
            return false;
        }
        for (JsonNode resource : profile.body().path("back-matter").path("resources")) {
            if (href.substring(1).equals(resource.path("uuid").asString(""))) {
                for (JsonNode link : resource.path("rlinks")) {
                    if (OscalResolver.baseName(link.path("href").asString("")).equals(OscalResolver.baseName(target.name()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static OscalResolver.Document fail(List<OscalResolver.Document> roots) {
        throw new InvalidFieldException("file", "several profiles and none imports the others ("
                + String.join(", ", roots.stream().map(OscalResolver.Document::name).toList()) + "): upload one profile at a time");
    }

    /** Checks that the bytes are an OSCAL catalog or profile, valid against its schema, and reads them. */
    static OscalResolver.Document read(String name, byte[] content, boolean validate) {
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
        return new OscalResolver.Document(name, model, body);
    }

    /** A document shipped under catalog/oscal/, by base name; read once (the shipped files are valid: a test validates them). */
    private Optional<OscalResolver.Document> shippedDocument(String baseName) {
        if (!baseName.startsWith("NIST_SP-800-53_rev5_")) {
            return Optional.empty();
        }
        return Optional.ofNullable(shippedDocuments.computeIfAbsent(baseName, base -> {
            ClassPathResource resource = new ClassPathResource("catalog/oscal/" + base + ".json");
            if (!resource.exists()) {
                return null;
            }
            try (InputStream in = resource.getInputStream()) {
                return read(base + ".json", in.readAllBytes(), false);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the shipped " + base, e);
            }
        }));
    }

    private Result store(WorkspaceId workspace, String id, String name, OscalResolver.Document root, OscalResolver resolver,
                         Map<String, Mapping> mapping, String source, String actor) {
        OscalResolver.Resolution resolution = resolver.resolve(root);
        JsonNode metadata = root.body().path("metadata");
        String title = name == null || name.isBlank() ? metadata.path("title").asString(id) : name.strip();
        List<Requirement> requirements = new ArrayList<>();
        int[] counts = new int[3];
        build(id, resolution, mapping, requirements, counts);
        if (requirements.stream().noneMatch(Requirement::assessed)) {
            throw new OscalDocumentException(root.name(), "empty-selection", "selects no control that is not withdrawn: nothing to import");
        }
        String version = metadata.path("version").asString("");
        Framework framework = new Framework(id, cut(title, 300), cut(version.isBlank() ? "1" : version, 200),
                cut("OSCAL " + metadata.path("oscal-version").asString("") + " " + root.model().root() + ": "
                        + metadata.path("title").asString(""), 600),
                null, List.of(), requirements);
        store.insert(framework, source, clock.instant(), actor);
        events.publishEvent(new FrameworkImported(workspace, id, framework.name(), (int) framework.assessedCount(), source, actor));
        frameworks.changed(framework);
        return new Result(id, framework.name(), framework.version(), (int) framework.assessedCount(), counts[0], counts[1], counts[2]);
    }

    /** Turns the resolved entries into requirements: groups that hold a selected control, then the controls, parents first. */
    private static void build(String frameworkId, OscalResolver.Resolution resolution, Map<String, Mapping> mapping,
                              List<Requirement> into, int[] counts) {
        Map<String, OscalResolver.Entry> byId = new LinkedHashMap<>();
        resolution.entries().forEach(e -> byId.put((e.group() ? "g:" : "c:") + e.id(), e));
        Set<String> kept = new HashSet<>();
        for (OscalResolver.Entry entry : resolution.entries()) {
            if (!entry.group() && resolution.selected().contains(entry.id())) {
                if (entry.withdrawn()) {
                    counts[1]++;
                } else {
                    kept.add("c:" + entry.id());
                }
            }
        }
        // a group is kept when a kept control sits anywhere under it
        for (String key : new ArrayList<>(kept)) {
            OscalResolver.Entry entry = byId.get(key);
            while (entry != null && entry.parent() != null) {
                OscalResolver.Entry parent = byId.getOrDefault("g:" + entry.parent(), byId.get("c:" + entry.parent()));
                if (parent != null && parent.group()) {
                    kept.add("g:" + parent.id());
                }
                entry = parent;
            }
        }
        Map<String, String> citations = new HashMap<>();
        Set<String> refs = new HashSet<>();
        for (OscalResolver.Entry entry : resolution.entries()) {
            String key = (entry.group() ? "g:" : "c:") + entry.id();
            if (!kept.contains(key)) {
                continue;
            }
            if (!refs.add(entry.id())) {
                throw new OscalDocumentException(entry.id(), "unique-id", "the id '" + entry.id() + "' names both a group and a control");
            }
            String parent = nearestKeptParent(entry, byId, kept);
            String title = cut(plain(entry.node().path("title").asString(entry.id())), 1000);
            if (entry.group()) {
                counts[0]++;
                into.add(new Requirement(frameworkId, entry.id(), title, null, parent, true, null, null, false, List.of(), null, null));
                continue;
            }
            String label = entry.label();
            String citation = label != null && !label.equals(entry.id()) && citations.putIfAbsent(label, entry.id()) == null ? label : null;
            String statement = OscalResolver.statement(entry.node(), resolution.params(),
                    resolution.addedParts().getOrDefault(entry.id(), List.of()));
            Mapping mapped = mapping.get(entry.id());
            if (mapped != null && !mapped.controls().isEmpty()) {
                counts[2]++;
            }
            into.add(new Requirement(frameworkId, entry.id(), title, statement.isEmpty() ? null : cut(statement, 100000), parent, false,
                    null, null, false, mapped == null ? List.of() : mapped.controls(), mapped == null ? null : mapped.noControlReason(),
                    citation));
        }
    }

    private static String nearestKeptParent(OscalResolver.Entry entry, Map<String, OscalResolver.Entry> byId, Set<String> kept) {
        String parent = entry.parent();
        while (parent != null) {
            OscalResolver.Entry p = byId.getOrDefault("c:" + parent, byId.get("g:" + parent));
            if (p == null) {
                return null;
            }
            if (kept.contains((p.group() ? "g:" : "c:") + p.id())) {
                return p.id();
            }
            parent = p.parent();
        }
        return null;
    }

    private static String plain(String markup) {
        return markup.replaceAll("\\{\\{\\s*insert:[^}]*}}", "").replaceAll("[*_`]", "").strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The library's mapping to 800-53, from catalog/oscal/nist-800-53-mapping.yaml; read once. */
    Map<String, Mapping> mapping() {
        Map<String, Mapping> loaded = mapping;
        if (loaded == null) {
            loaded = readMapping(catalog);
            mapping = loaded;
        }
        return loaded;
    }

    static Map<String, Mapping> readMapping(Catalog catalog) {
        String file = "oscal/nist-800-53-mapping.yaml";
        ClassPathResource resource = new ClassPathResource("catalog/" + file);
        try (InputStreamReader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            YamlDocument document = YamlDocument.parse(file, reader).allowOnly(Set.of("framework", "requirements"));
            Map<String, Mapping> result = new LinkedHashMap<>();
            for (YamlDocument entry : document.mappings("requirements")) {
                entry.allowOnly(Set.of("ref", "controls", "noControlReason"));
                String ref = entry.requiredText("ref");
                List<ControlKey> keys = new ArrayList<>();
                for (ScalarNode key : entry.scalars("controls")) {
                    if (catalog.control(key.getValue()).isEmpty()) {
                        throw entry.error(key, ref + " maps to control " + key.getValue() + ", which the library does not have");
                    }
                    keys.add(new ControlKey(key.getValue()));
                }
                String reason = entry.text("noControlReason");
                if (keys.isEmpty() == (reason == null)) {
                    throw entry.error(ref + " needs either controls or a noControlReason, not both");
                }
                if (result.put(ref, new Mapping(List.copyOf(keys), reason)) != null) {
                    throw entry.error(ref + " is listed twice");
                }
            }
            return Map.copyOf(result);
        } catch (IOException e) {
            throw new CatalogException(file + ":1: cannot be read: " + e.getMessage(), e);
        }
    }
}
