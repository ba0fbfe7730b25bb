package dev.attest.obligations;

import org.springframework.modulith.NamedInterface;
import java.time.Instant;

/**
 * One duty with a deadline, as a module reports it.
 *
 * @param id     stable across calls, e.g. {@code policies:review:<policy id>}
 * @param kind   what sort of duty, e.g. {@code policy-review}, {@code access-review}, {@code breach-clock}
 * @param owner  the email of the person who must act, or null when nobody is assigned
 * @param due    when it is due
 * @param path   the page in Attest where it is done, e.g. {@code /policies/3f2a...}
 * @param remindBefore how long before it is due its owner is emailed, or null for the workspace's lead time
 */
@NamedInterface("spi")
public record Obligation(String id, String kind, String title, String owner, Instant due, String path, java.time.Duration remindBefore) {

    /** An obligation reminded at the workspace's lead time. */
    public Obligation(String id, String kind, String title, String owner, Instant due, String path) {
        this(id, kind, title, owner, due, path, null);
    }
}
