package dev.attest.identity;

import java.util.UUID;

/**
 * One fact about a workspace's members, sign-ins, tokens and settings, for the audit trail and any
 * listener: a listener subscribes to the record it cares about. A record carries its facts and its
 * trail name ({@link RecordedAs}); what the facts of one subject share (their target, their actor)
 * is said once, in {@link OfUser}, {@link BySelf}, {@link OfOwnAccount} and {@link OfToken}. Sign-in
 * failures that name no workspace are {@link UnattributedSignInFailed} instead.
 */
public sealed interface IdentityEvent extends WorkspaceEvent
        permits IdentityEvent.OfUser, IdentityEvent.OfOwnAccount, IdentityEvent.OfToken, WorkspaceCreated, WorkspaceSettingsChanged {

    /** A fact about one user's place in the workspace or their sign-ins: its target is the user. */
    sealed interface OfUser extends IdentityEvent permits BySelf, InvitationSent, InvitationRefused, MemberRoleChanged, MemberDeactivated,
            MemberReactivated, AccountLocked, AccountUnlocked {

        /** The user's email. */
        String email();

        @Override
        default String target() {
            return "user:" + email();
        }
    }

    /** A step taken at the door under a user's email (signing in, joining by invitation): the user is its actor and its target. */
    sealed interface BySelf extends OfUser permits SignInSucceeded, SignInFailed, InvitationAccepted {

        @Override
        default String actor() {
            return email();
        }
    }

    /** A change users made to their own account: its target is the user who acted. */
    sealed interface OfOwnAccount extends IdentityEvent permits PasswordChanged, SecondFactorChanged, SessionsEnded {

        @Override
        default String target() {
            return "user:" + actor();
        }
    }

    /** A fact about one API token: its target is the token. */
    sealed interface OfToken extends IdentityEvent permits ApiTokenCreated, ApiTokenOwnerChanged, ApiTokenRevoked {

        /** The token the fact is about (never its value). */
        UUID tokenId();

        @Override
        default String target() {
            return "token:" + tokenId();
        }
    }
}
