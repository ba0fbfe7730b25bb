package dev.attest.catalog;

/** Points at one requirement of one framework, e.g. {@code soc2 / CC6.1}. */
public record RequirementRef(String framework, String ref) {
}
