package dev.attest.catalog;

/** A control domain, such as access control or encryption; every control key starts with its prefix. */
public record Domain(String id, String name, String prefix) {
}
