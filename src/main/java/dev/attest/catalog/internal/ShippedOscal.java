package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.CatalogException;
import dev.attest.catalog.ControlKey;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ships with Attest as OSCAL under {@code catalog/oscal/}: the NIST SP 800-53 rev 5 catalog,
 * its LOW, MODERATE and HIGH baselines, and the control library's mapping to 800-53
 * ({@code nist-800-53-mapping.yaml}). Each is read once, when first asked for.
 */
@Component
@RequiredArgsConstructor
class ShippedOscal {

    static final String CATALOG = "NIST_SP-800-53_rev5_catalog";

    /** A framework that ships as OSCAL documents and is imported on request. */
    record Shipped(String id, String name, String profile) {
    }

    static final List<Shipped> SHIPPED = List.of(
            new Shipped("nist-800-53", "NIST SP 800-53 rev 5", null),
            new Shipped("nist-800-53-low", "NIST SP 800-53 rev 5 LOW baseline", "NIST_SP-800-53_rev5_LOW-baseline_profile"),
            new Shipped("nist-800-53-moderate", "NIST SP 800-53 rev 5 MODERATE baseline", "NIST_SP-800-53_rev5_MODERATE-baseline_profile"),
            new Shipped("nist-800-53-high", "NIST SP 800-53 rev 5 HIGH baseline", "NIST_SP-800-53_rev5_HIGH-baseline_profile"));

    /** How the control library answers one 800-53 control: the controls, or why none. */
    record Mapping(List<ControlKey> controls, String noControlReason) {
    }

    private final Catalog catalog;
    private final Map<String, OscalDocument> shippedDocuments = new ConcurrentHashMap<>();
    private volatile Map<String, Mapping> mapping;

    /** The shipped framework, or empty. */
    static Optional<Shipped> shipped(String id) {
        return SHIPPED.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** A document shipped under catalog/oscal/, by base name; read once (the shipped files are valid: a test validates them). */
    Optional<OscalDocument> document(String baseName) {
        if (!baseName.startsWith("NIST_SP-800-53_rev5_")) {
            return Optional.empty();
        }
        return Optional.ofNullable(shippedDocuments.computeIfAbsent(baseName, base -> {
            ClassPathResource resource = new ClassPathResource("catalog/oscal/" + base + ".json");
            if (!resource.exists()) {
                return null;
            }
            try (InputStream in = resource.getInputStream()) {
                return OscalDocument.read(base + ".json", in.readAllBytes(), false);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the shipped " + base, e);
            }
        }));
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
