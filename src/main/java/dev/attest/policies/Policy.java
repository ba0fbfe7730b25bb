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

    /** A new policy, not yet published. */
    public static Policy created(CreatePolicy command, String templateKey, List<String> controls, Instant now, String actor) {
        return new Policy(UUID.randomUUID(), command.title(), templateKey, command.owner(), controls, null, now, actor);
    }

    /** The policy with the command's title, owner and review date; what the command leaves out stays. */
    public Policy change(ChangePolicy command) {
        return new Policy(id, command.title() == null ? title : command.title(), templateKey,
                command.owner() == null ? owner : command.ownerOrNone(), controls,
                command.reviewDue() == null ? reviewDue : command.reviewDue(), createdAt, createdBy);
    }

    /** The policy once a version is published on {@code day}: its next review is a year later. */
    public Policy publishedOn(LocalDate day) {
        return new Policy(id, title, templateKey, owner, controls, day.plusYears(1), createdAt, createdBy);
    }
}
