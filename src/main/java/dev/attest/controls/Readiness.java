package dev.attest.controls;

import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Readiness arithmetic, kept pure so that it is easy to test and cheap to run on every page.
 * A requirement is ready when every control mapped to it is satisfied. What "satisfied" means is
 * the caller's predicate: today the implementation status, later also check results and evidence.
 */
public final class Readiness {

    private Readiness() {
    }

    /** Whether the workspace's scope includes this requirement. */
    public static boolean inScope(Requirement requirement, Set<String> categories) {
        return requirement.assessed() && (requirement.category() == null || categories.contains(requirement.category()));
    }

    public static boolean ready(Requirement requirement, Predicate<ControlKey> satisfied) {
        return requirement.covered() && requirement.controls().stream().allMatch(satisfied);
    }

    public static FrameworkReadiness of(Framework framework, Set<String> categories, Predicate<ControlKey> satisfied) {
        int inScope = 0;
        int ready = 0;
        int outside = 0;
        for (Requirement requirement : framework.requirements()) {
            if (!inScope(requirement, categories)) {
                continue;
            }
            if (!requirement.covered()) {
                outside++;
                continue;
            }
            inScope++;
            if (ready(requirement, satisfied)) {
                ready++;
            }
        }
        return new FrameworkReadiness(framework.id(), framework.name(), inScope, ready, percent(ready, inScope), outside);
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0.0 : Math.floor(part * 1000.0 / whole) / 10.0;
    }
}
