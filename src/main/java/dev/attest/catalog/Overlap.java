package dev.attest.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What adopting framework {@code to} on top of {@code from} takes: the controls {@code to} needs
 * that {@code from} already brings, the ones it adds, and how many of {@code to}'s requirements
 * the controls of {@code from} already satisfy on their own.
 *
 * @param sharedControls     controls mapped to both frameworks
 * @param additionalControls controls mapped to {@code to} only: the work of adopting it
 * @param requirementsAlreadyCovered requirements of {@code to} whose controls all come with {@code from}
 */
public record Overlap(String from, String to, int fromControls, int toControls, List<String> sharedControls,
                      List<String> additionalControls, int toRequirements, int requirementsAlreadyCovered) {

    public static Overlap of(Framework from, Framework to) {
        Set<ControlKey> fromKeys = controlsOf(from);
        Set<ControlKey> toKeys = controlsOf(to);
        List<String> shared = new ArrayList<>();
        List<String> additional = new ArrayList<>();
        toKeys.stream().sorted().forEach(k -> (fromKeys.contains(k) ? shared : additional).add(k.value()));
        int toRequirements = 0;
        int alreadyCovered = 0;
        for (Requirement requirement : to.requirements()) {
            if (requirement.assessed() && requirement.covered()) {
                toRequirements++;
                if (fromKeys.containsAll(requirement.controls())) {
                    alreadyCovered++;
                }
            }
        }
        return new Overlap(from.id(), to.id(), fromKeys.size(), toKeys.size(), shared, additional, toRequirements, alreadyCovered);
    }

    /** The number of controls adopting {@code to} adds. */
    public int additionalCount() {
        return additionalControls.size();
    }

    static Set<ControlKey> controlsOf(Framework framework) {
        Set<ControlKey> keys = new LinkedHashSet<>();
        framework.assessedRequirements().forEach(r -> keys.addAll(r.controls()));
        return keys;
    }
}
