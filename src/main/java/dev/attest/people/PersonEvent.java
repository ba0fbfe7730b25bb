package dev.attest.people;

import java.util.UUID;

/**
 * One fact about one person: its target is the person, its summary the email and the words of its
 * action name ({@code people.training-recorded}: "training recorded"), then the detail if any.
 */
public sealed interface PersonEvent extends PeopleEvent
        permits PersonAdded, PersonUpdated, PersonRemoved, TrainingRecorded, AgreementSigned, BackgroundCheckRecorded, AccessRevoked {

    UUID personId();

    String email();

    /** What the summary adds after the action's words, or null. */
    default String detail() {
        return null;
    }

    @Override
    default String target() {
        return "person:" + personId();
    }

    @Override
    default String summary() {
        return email() + " " + action().substring("people.".length()).replace('-', ' ') + (detail() == null ? "" : ": " + detail());
    }
}
