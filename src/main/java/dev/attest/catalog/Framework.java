package dev.attest.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A compliance framework with its requirements, in the order the framework lists them. */
public record Framework(String id, String name, String version, String edition, String description,
                        List<Category> categories, List<Requirement> requirements) {

    public Framework {
        categories = List.copyOf(categories);
        requirements = List.copyOf(requirements);
    }

    /** The requirements that are assessed, headings left out. */
    public Stream<Requirement> assessedRequirements() {
        return requirements.stream().filter(Requirement::assessed);
    }

    /** The requirement with this ref, or with this other citation (164.308(a)(1)(i) finds 164.308(a)(1)). */
    public Optional<Requirement> requirement(String ref) {
        return requirements.stream().filter(r -> r.ref().equals(ref)).findFirst()
                .or(() -> requirements.stream().filter(r -> r.citedAs(ref)).findFirst());
    }

    /** The categories that a workspace cannot scope out. */
    public List<String> requiredCategories() {
        return categories.stream().filter(Category::required).map(Category::id).toList();
    }

    /**
     * The categories in scope when the workspace has not chosen: all of them but the opt-in ones
     * (a new workspace, or a framework it has not adopted).
     */
    public List<String> defaultCategories() {
        return categories.stream().filter(c -> !c.optIn()).map(Category::id).toList();
    }

    /** A copy with the assessed requirement under this ref replaced (headings are left alone). */
    public Framework withRequirement(Requirement replacement) {
        List<Requirement> replaced = new java.util.ArrayList<>(requirements);
        replaced.replaceAll(r -> r.ref().equals(replacement.ref()) && !r.group() ? replacement : r);
        return new Framework(id, name, version, edition, description, categories, replaced);
    }

    public long assessedCount() {
        return assessedRequirements().count();
    }
}
