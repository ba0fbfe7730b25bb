package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.CatalogException;
import dev.attest.catalog.Category;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Domain;
import dev.attest.catalog.EvidenceKind;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Frequency;
import dev.attest.catalog.Requirement;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalog files under a classpath location and validates them as a whole: unique ids,
 * parents before children, every mapping pointing at a control that exists. The first problem
 * stops loading with a {@link CatalogException} naming file and line.
 */
final class CatalogLoader {

    private static final Set<String> FRAMEWORK_FILE_KEYS = Set.of("framework", "requirements");
    private static final Set<String> FRAMEWORK_KEYS = Set.of("id", "name", "version", "edition", "description", "categories");
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "name", "required", "optIn");
    private static final Set<String> REQUIREMENT_KEYS = Set.of("ref", "title", "summary", "parent", "group", "category",
            "specification", "serviceProviderOnly", "controls", "noControlReason");
    private static final Set<String> CONTROLS_FILE_KEYS = Set.of("domain", "controls");
    private static final Set<String> DOMAIN_KEYS = Set.of("id", "name", "prefix");
    private static final Set<String> CONTROL_KEYS = Set.of("key", "name", "description", "frequency", "evidence");
    private static final Set<String> SPECIFICATIONS = Set.of("required", "addressable");

    private final ResourcePatternResolver resources;
    private final String location;

    CatalogLoader(ResourcePatternResolver resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    /** Loads the catalog shipped with the application. */
    static Catalog loadDefault() {
        return new CatalogLoader(new PathMatchingResourcePatternResolver(), "classpath:catalog").load();
    }

    Catalog load() {
        YamlDocument index = read(location + "/catalog.yaml", "catalog.yaml");
        index.allowOnly(Set.of("version", "frameworks", "domains"));
        String version = index.requiredText("version");

        Map<String, Domain> domains = new LinkedHashMap<>();
        Map<ControlKey, Control> controls = new LinkedHashMap<>();
        for (ScalarNode domainNode : index.scalars("domains")) {
            String domainId = domainNode.getValue();
            String file = "controls/" + domainId + ".yaml";
            YamlDocument document = readIfPresent(file);
            if (document == null) {
                throw index.error(domainNode, "domain '" + domainId + "' has no file " + file);
            }
            Domain domain = readControls(document, domainId, controls);
            if (domains.put(domain.id(), domain) != null) {
                throw index.error(domainNode, "domain '" + domainId + "' is listed twice");
            }
        }
        rejectUnlisted("controls", domains.keySet());

        List<Framework> frameworks = new ArrayList<>();
        Set<String> frameworkIds = new HashSet<>();
        for (ScalarNode frameworkNode : index.scalars("frameworks")) {
            String frameworkId = frameworkNode.getValue();
            if (!frameworkIds.add(frameworkId)) {
                throw index.error(frameworkNode, "framework '" + frameworkId + "' is listed twice");
            }
            String file = "frameworks/" + frameworkId + ".yaml";
            YamlDocument document = readIfPresent(file);
            if (document == null) {
                throw index.error(frameworkNode, "framework '" + frameworkId + "' has no file " + file);
            }
            frameworks.add(readFramework(document, frameworkId, controls.keySet()));
        }
        rejectUnlisted("frameworks", frameworkIds);
        return new Catalog(version, frameworks, List.copyOf(domains.values()), List.copyOf(controls.values()));
    }

    private Domain readControls(YamlDocument file, String expectedId, Map<ControlKey, Control> controls) {
        file.allowOnly(CONTROLS_FILE_KEYS);
        YamlDocument header = file.mapping("domain").allowOnly(DOMAIN_KEYS);
        Domain domain = new Domain(header.requiredText("id"), header.requiredText("name"), header.requiredText("prefix"));
        if (!domain.id().equals(expectedId)) {
            throw header.error("domain id '" + domain.id() + "' does not match the file name (expected '" + expectedId + "')");
        }
        for (YamlDocument entry : file.mappings("controls")) {
            entry.allowOnly(CONTROL_KEYS);
            String keyText = entry.requiredText("key");
            if (!ControlKey.isWellFormed(keyText)) {
                throw entry.error("control key '" + keyText + "' must look like AC-07");
            }
            if (!keyText.startsWith(domain.prefix() + "-")) {
                throw entry.error("control key '" + keyText + "' must start with the domain prefix " + domain.prefix() + "-");
            }
            ControlKey key = new ControlKey(keyText);
            List<EvidenceKind> evidence = new ArrayList<>();
            for (ScalarNode kind : entry.scalars("evidence")) {
                evidence.add(parseEnum(EvidenceKind.class, kind.getValue(), entry, "evidence"));
            }
            if (evidence.isEmpty()) {
                throw entry.error("control " + keyText + " needs at least one kind of evidence");
            }
            Control control = new Control(key, entry.requiredText("name"), entry.requiredText("description"),
                    domain.id(), parseEnum(Frequency.class, entry.requiredText("frequency"), entry, "frequency"), evidence);
            if (controls.put(key, control) != null) {
                throw entry.error("control key " + keyText + " is used twice");
            }
        }
        return domain;
    }

    private Framework readFramework(YamlDocument file, String expectedId, Set<ControlKey> controls) {
        file.allowOnly(FRAMEWORK_FILE_KEYS);
        YamlDocument header = file.mapping("framework").allowOnly(FRAMEWORK_KEYS);
        String id = header.requiredText("id");
        if (!id.equals(expectedId)) {
            throw header.error("framework id '" + id + "' does not match the file name (expected '" + expectedId + "')");
        }
        List<Category> categories = new ArrayList<>();
        for (YamlDocument category : header.mappings("categories")) {
            category.allowOnly(CATEGORY_KEYS);
            if (category.flag("required") && category.flag("optIn")) {
                throw category.error("category " + category.requiredText("id") + " cannot be both required and optIn");
            }
            categories.add(new Category(category.requiredText("id"), category.requiredText("name"), category.flag("required"),
                    category.flag("optIn")));
        }
        Set<String> categoryIds = new HashSet<>();
        categories.forEach(c -> categoryIds.add(c.id()));

        List<Requirement> requirements = new ArrayList<>();
        Map<String, Requirement> byRef = new HashMap<>();
        for (YamlDocument entry : file.mappings("requirements")) {
            entry.allowOnly(REQUIREMENT_KEYS);
            String ref = entry.requiredText("ref");
            if (byRef.containsKey(ref)) {
                throw entry.error("requirement " + ref + " is listed twice");
            }
            String parent = entry.text("parent");
            if (parent != null && !byRef.containsKey(parent)) {
                throw entry.error("requirement " + ref + " names parent " + parent + ", which is not listed before it");
            }
            boolean group = entry.flag("group");
            String category = entry.text("category");
            if (category != null && !categoryIds.contains(category)) {
                throw entry.error("requirement " + ref + " names category '" + category + "', which the framework does not define");
            }
            String specification = entry.text("specification");
            if (specification != null && !SPECIFICATIONS.contains(specification)) {
                throw entry.error("requirement " + ref + ": specification must be required or addressable");
            }
            List<ControlKey> mapped = new ArrayList<>();
            for (ScalarNode keyNode : entry.scalars("controls")) {
                String key = keyNode.getValue();
                if (!ControlKey.isWellFormed(key) || !controls.contains(new ControlKey(key))) {
                    throw entry.error(keyNode, "requirement " + ref + " maps to control " + key + ", which the library does not have");
                }
                ControlKey controlKey = new ControlKey(key);
                if (mapped.contains(controlKey)) {
                    throw entry.error(keyNode, "requirement " + ref + " maps to control " + key + " twice");
                }
                mapped.add(controlKey);
            }
            String noControlReason = entry.text("noControlReason");
            if (group && (!mapped.isEmpty() || noControlReason != null)) {
                throw entry.error("group " + ref + " is a heading: it takes no controls and no noControlReason");
            }
            if (!mapped.isEmpty() && noControlReason != null) {
                throw entry.error("requirement " + ref + " has both controls and a noControlReason: keep one");
            }
            Requirement requirement = new Requirement(id, ref, entry.requiredText("title"), entry.text("summary"), parent,
                    group, category, specification, entry.flag("serviceProviderOnly"), mapped, noControlReason);
            requirements.add(requirement);
            byRef.put(ref, requirement);
        }
        return new Framework(id, header.requiredText("name"), header.requiredText("version"),
                header.requiredText("edition"), header.text("description"), categories, withStandardCitations(requirements));
    }

    /**
     * A paragraph whose sub-items start at (ii), as in the HIPAA rules where (i) states the standard
     * and (ii) lists its implementation specifications, is also cited with (i): HHS writes
     * "164.308(a)(1)(i)" for the standard the catalog lists as 164.308(a)(1).
     */
    private static List<Requirement> withStandardCitations(List<Requirement> requirements) {
        Set<String> refs = new HashSet<>();
        requirements.forEach(r -> refs.add(r.ref()));
        List<Requirement> result = new ArrayList<>();
        for (Requirement requirement : requirements) {
            String standardForm = requirement.ref() + "(i)";
            boolean hasSecondItem = requirements.stream().anyMatch(r -> requirement.ref().equals(r.parent())
                    && r.ref().startsWith(requirement.ref() + "(ii)"));
            result.add(hasSecondItem && !refs.contains(standardForm) ? requirement.withCitation(standardForm) : requirement);
        }
        return result;
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String value, YamlDocument at, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw at.error(field + " '" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    /** A file in a catalog folder that catalog.yaml does not list is a mistake, not something to skip. */
    private void rejectUnlisted(String folder, Set<String> listed) {
        try {
            for (Resource resource : resources.getResources(location + "/" + folder + "/*.yaml")) {
                String name = resource.getFilename();
                String id = name == null ? "" : name.substring(0, name.length() - ".yaml".length());
                if (!listed.contains(id)) {
                    throw new CatalogException(folder + "/" + name + ":1: not listed in catalog.yaml");
                }
            }
        } catch (IOException e) {
            throw new CatalogException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private YamlDocument read(String path, String name) {
        Resource resource = resources.getResource(path);
        if (!resource.exists()) {
            throw new CatalogException(name + ":1: missing (looked in " + path + ")");
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return YamlDocument.parse(name, reader);
        } catch (IOException e) {
            throw new CatalogException(name + ":1: cannot be read: " + e.getMessage(), e);
        }
    }

    private YamlDocument readIfPresent(String file) {
        Resource resource = resources.getResource(location + "/" + file);
        return resource.exists() ? read(location + "/" + file, file) : null;
    }
}
