package dev.attest.identity;

/** A workspace was created; modules set up its defaults in the same transaction. */
@RecordedAs("identity.workspace-created")
public record WorkspaceCreated(WorkspaceId workspaceId, String slug, String name) implements IdentityEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String target() {
        return "workspace:" + slug;
    }

    @Override
    public String summary() {
        return "workspace " + name + " created";
    }
}
