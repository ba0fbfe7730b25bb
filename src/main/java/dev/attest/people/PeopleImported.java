package dev.attest.people;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A CSV import saved its rows. */
@RecordedAs("people.imported")
public record PeopleImported(WorkspaceId workspaceId, int count, String actor) implements PeopleEvent {

    @Override
    public String target() {
        return "people";
    }

    @Override
    public String summary() {
        return count + " people imported from CSV";
    }
}
