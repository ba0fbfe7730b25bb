package dev.attest.people;

import java.util.UUID;

/**
 * One fact about one person; the audit trail's action is {@code people.<verb>} as it always was.
 */
public sealed interface PersonEvent extends PeopleEvent
        permits PersonAdded, PersonUpdated, PersonRemoved, TrainingRecorded, AgreementSigned, BackgroundCheckRecorded, AccessRevoked {

    UUID personId();

    String email();

    /** The last part of the audit action, such as {@code training-recorded}. */
    String verb();

    /** What the summary adds after the verb, or null. */
    default String detail() {
        return null;
    }

    @Override
    default String action() {
        return "people." + verb();
    }

    @Override
    default String target() {
        return "person:" + personId();
    }

    @Override
    default String summary() {
        return email() + " " + verb().replace('-', ' ') + (detail() == null ? "" : ": " + detail());
    }
}
