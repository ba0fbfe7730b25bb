package dev.attest.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A policy document of a workspace. Its text lives in its versions.
 *
 * @param templateKey the template it was created from, or null
 * @param controls    the control keys of the catalog it supports
 * @param reviewDue   when it must be reviewed next (one year after publication unless set), null before publication
 */
public record Policy(UUID id, String title, String templateKey, String owner, List<String> controls, LocalDate reviewDue,
                     Instant createdAt, String createdBy) {

    public Policy {
        controls = List.copyOf(controls);
    }
}
