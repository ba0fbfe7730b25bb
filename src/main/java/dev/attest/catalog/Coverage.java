package dev.attest.catalog;

import java.util.List;

/**
 * How far the control library accounts for a framework: assessed requirements mapped to controls,
 * and those no control covers, each with its stated reason (or none: a gap).
 */
public record Coverage(String framework, String name, int requirements, int covered, List<Uncovered> uncovered) {

    /** An assessed requirement no control covers; {@code reason} is null for an unexplained gap. */
    public record Uncovered(String ref, String title, String reason) {
    }

    public static Coverage of(Framework framework) {
        List<Uncovered> uncovered = framework.assessedRequirements().filter(r -> !r.covered())
                .map(r -> new Uncovered(r.ref(), r.title(), r.noControlReason())).toList();
        int total = (int) framework.assessedCount();
        return new Coverage(framework.id(), framework.name(), total, total - uncovered.size(), uncovered);
    }

    /** Requirements neither mapped nor explained: what the catalog-content test forbids. */
    public List<Uncovered> gaps() {
        return uncovered.stream().filter(u -> u.reason() == null || u.reason().isBlank()).toList();
    }
}
