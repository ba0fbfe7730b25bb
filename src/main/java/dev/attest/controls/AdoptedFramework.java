package dev.attest.controls;

import java.util.Set;

/** A framework a workspace pursues, with the scoping categories it keeps in scope (SOC 2). */
public record AdoptedFramework(String frameworkId, Set<String> categories) {

    public AdoptedFramework {
        categories = Set.copyOf(categories);
    }
}
