package dev.attest.catalog;

/**
 * A scoping category of a framework (SOC 2's Security, Availability, ...). A required category
 * is always in scope; the others are chosen by the workspace.
 */
public record Category(String id, String name, boolean required) {
}
