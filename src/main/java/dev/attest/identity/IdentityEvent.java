package dev.attest.identity;

/**
 * One fact about a workspace's members, sign-ins, tokens and settings, for the audit trail and any
 * listener: a listener subscribes to the record it cares about, and a switch over this interface sees
 * every kind. Sign-in failures that name no workspace are {@link UnattributedSignInFailed} instead.
 */
public sealed interface IdentityEvent extends WorkspaceEvent
        permits WorkspaceCreated, WorkspaceSettingsChanged, InvitationSent, InvitationAccepted, InvitationRefused, MemberRoleChanged,
        MemberDeactivated, MemberReactivated, SignInSucceeded, SignInFailed, AccountLocked, AccountUnlocked, PasswordChanged,
        SecondFactorChanged, SessionsEnded, ApiTokenCreated, ApiTokenOwnerChanged, ApiTokenRevoked {
}
