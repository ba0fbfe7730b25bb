package dev.attest.catalog.internal;

import dev.attest.catalog.OscalSchemas;
import dev.attest.web.InvalidFieldException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Which of the uploaded documents an import starts from: the profile no other uploaded profile imports, or the only catalog. */
final class ProfileRoots {

    private ProfileRoots() {
    }

    /** The profile no other uploaded profile imports, or the only catalog. */
    static OscalDocument root(List<OscalDocument> documents) {
        List<OscalDocument> profiles = documents.stream().filter(d -> d.model() == OscalSchemas.Model.PROFILE).toList();
        if (profiles.isEmpty()) {
            if (documents.size() > 1) {
                throw new InvalidFieldException("file", "several catalogs and no profile: upload one catalog, or a profile that selects from them");
            }
            return documents.get(0);
        }
        List<OscalDocument> roots = new ArrayList<>();
        for (OscalDocument profile : profiles) {
            boolean imported = false;
            for (OscalDocument other : profiles) {
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

    private static boolean rlinksName(OscalDocument profile, String href, OscalDocument target) {
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

    private static OscalDocument fail(List<OscalDocument> roots) {
        throw new InvalidFieldException("file", "several profiles and none imports the others ("
                + String.join(", ", roots.stream().map(OscalDocument::name).toList()) + "): upload one profile at a time");
    }
}
