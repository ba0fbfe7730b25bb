package dev.attest.people;

import java.time.Instant;

/**
 * One thing a person (or, for offboarding, an admin) must do, with its deadline.
 *
 * @param kind   {@code policy}, {@code training}, {@code agreement}, {@code background-check} or {@code offboarding}
 * @param key    what it is about: a policy id, a system name, or the kind again
 * @param doneAt when it was done, or null
 */
public record Item(String kind, String key, String title, ItemState state, Instant due, Instant doneAt, String detail) {
}
