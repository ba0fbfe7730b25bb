package dev.attest.controls;

/**
 * How ready a workspace is for one framework.
 *
 * @param inScope          assessed requirements in scope that controls cover
 * @param ready            those whose mapped controls are all implemented or justified not applicable
 * @param percent          ready / inScope, one decimal, 0 when nothing is in scope
 * @param outsideLibrary   requirements in scope that no control covers, met outside Attest by their stated reason
 */
public record FrameworkReadiness(String framework, String name, int inScope, int ready, double percent, int outsideLibrary) {
}
