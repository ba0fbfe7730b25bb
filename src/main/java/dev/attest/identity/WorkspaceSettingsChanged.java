package dev.attest.identity;

/** An admin changed a workspace's security settings. */
@RecordedAs("identity.settings-changed")
public record WorkspaceSettingsChanged(WorkspaceId workspaceId, String actor, boolean requireMfa) implements IdentityEvent {

    @Override
    public String target() {
        return "workspace:" + workspaceId;
    }

    @Override
    public String summary() {
        return "multi-factor sign-in " + (requireMfa ? "required" : "optional");
    }
}
