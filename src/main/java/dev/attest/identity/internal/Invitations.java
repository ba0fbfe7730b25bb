package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.InvitationAccepted;
import dev.attest.identity.InvitationRefused;
import dev.attest.identity.InvitationSent;
import dev.attest.identity.Role;
import dev.attest.identity.UnattributedSignInFailed;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import dev.attest.web.PublicBaseUrl;
import dev.attest.web.CommandValidation;
import dev.attest.identity.InviteMember;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Invitations by email: a single-use link valid for seven days. Following it creates the account
 * (or, for an existing one, asks for its password) and adds the membership in the invited role.
 */
@Service
class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);

    private final InvitationStore store;
    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String from;
    private final PublicBaseUrl baseUrl;
    private final CommandValidation commands;

    Invitations(InvitationStore store, AccountStore accounts, PasswordPolicy policy, PasswordEncoder passwords, ObjectProvider<JavaMailSender> mail,
                ApplicationEventPublisher events, Clock clock, @Value("${attest.mail.from:attest@localhost}") String from,
                PublicBaseUrl baseUrl, CommandValidation commands) {
        this.store = store;
        this.commands = commands;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /**
     * An invitation; {@code link} is set only in the answer to the invite itself when no mail server is
     * configured (SPRING_MAIL_HOST), so that the admin can copy it to the invitee.
     */
    record Pending(UUID id, String email, String role, String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt,
                   String link) {

        Pending(UUID id, String email, String role, String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt) {
            this(id, email, role, invitedBy, createdAt, expiresAt, acceptedAt, null);
        }

        /** Neither accepted nor expired at this instant. */
        boolean open(Instant now) {
            return acceptedAt == null && expiresAt.isAfter(now);
        }
    }

    private static Pending withLink(Pending p, String link) {
        return new Pending(p.id(), p.email(), p.role(), p.invitedBy(), p.createdAt(), p.expiresAt(), p.acceptedAt(), link);
    }

    /** Whether invitations go by mail; without a mail server the invite answers the link to hand over. */
    boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** Open invitations (neither accepted nor expired), newest first, for the members page. */
    @Transactional(readOnly = true)
    List<Pending> open(WorkspaceId workspace) {
        Instant now = clock.instant();
        return pending(workspace).stream().filter(p -> p.open(now)).toList();
    }

    /** Thrown when an invitation link cannot be used; the message says why, for the person holding it. */
    static class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message);
        }
    }

    /** What a valid link offers: the workspace, the role, and whether the email already has an account. */
    record Offer(UUID id, UUID workspaceId, String workspaceName, String email, Role role, boolean existingAccount) {
    }

    @Transactional
    Pending invite(CurrentUser admin, InviteMember invitation) {
        commands.valid(invitation);
        String address = invitation.email();
        Role role = invitation.role();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && baseUrl.configured().isEmpty()) {
            throw new InvalidFieldException("email", "no public address is configured for the link (set ATTEST_BASE_URL / attest.base-url)");
        }
        if (accounts.memberRows(admin.workspaceId().value()).stream().anyMatch(m -> m.email().equals(address) && m.active())) {
            throw new InvalidFieldException("email", "is already a member of this workspace");
        }
        Instant now = clock.instant();
        String token = TokenHash.newToken();
        UUID id = UUID.randomUUID();
        store.insert(id, admin.workspaceId(), address, role, TokenHash.of(token), admin.actor(), now, now.plus(VALID_FOR));
        events.publishEvent(new InvitationSent(admin.workspaceId(), admin.actor(), address, role));
        if (sender == null) {
            // Without a mail server the admin hands the link over: it is shown this once (only its hash is kept).
            return withLink(pending(admin.workspaceId()).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(),
                    baseUrl.configured().map(base -> base + "/invitations/" + token).orElse("/invitations/" + token));
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject("You are invited to " + admin.workspaceName() + " on Attest");
        message.setText("""
                %s invited you to join the workspace "%s" on Attest as %s.

                Open this link within 7 days to accept (it works once):
                %s/invitations/%s

                If you did not expect this invitation, ignore this message.
                """.formatted(admin.displayName(), admin.workspaceName(), role.wireName(), baseUrl.get(), token));
        try {
            sender.send(message);
        } catch (MailException e) {
            // Rolls the invitation back: an invitation nobody received must not linger.
            throw new MailFailed(e);
        }
        return pending(admin.workspaceId()).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static class MailFailed extends RuntimeException {
        MailFailed(Throwable cause) {
            super("The invitation email could not be sent: the mail server refused or is unreachable", cause);
        }
    }

    @Transactional(readOnly = true)
    List<Pending> pending(WorkspaceId workspace) {
        return store.pending(workspace);
    }

    /** The offer behind a link, or {@link Unusable} (recorded in the audit trail) when it is unknown, used or expired. */
    @Transactional(noRollbackFor = Unusable.class)
    Offer offer(String token) {
        InvitationStore.Link row = store.byTokenHash(TokenHash.of(token == null ? "" : token)).orElse(null);
        if (row == null) {
            events.publishEvent(new UnattributedSignInFailed("anonymous", "identity.invitation-refused", "invitation:unknown",
                    "an invitation link that matches no invitation"));
            throw new Unusable("This invitation link is not valid. Check that you copied the whole link.");
        }
        if (row.accepted() != null) {
            refused(row.workspace(), row.email(), "This invitation was already used. Sign in instead, or ask for a new invitation.");
        }
        if (!row.expires().isAfter(clock.instant())) {
            refused(row.workspace(), row.email(), "This invitation expired. Ask the person who invited you for a new one.");
        }
        return new Offer(row.id(), row.workspace(), row.workspaceName(), row.email(), Role.fromWireName(row.role()),
                accounts.userByEmail(row.email()).isPresent());
    }

    private void refused(UUID workspace, String email, String why) {
        // The transaction does not roll back for Unusable, so the audit entry for the refused link is kept.
        events.publishEvent(new InvitationRefused(new WorkspaceId(workspace), email, why));
        throw new Unusable(why);
    }

    /** Accepts the invitation: creates the account or checks its password, adds the membership, uses up the link. */
    @Transactional(noRollbackFor = Unusable.class)
    CurrentUser accept(String token, String displayName, String password, String confirm) {
        Offer offer = offer(token);
        Instant now = clock.instant();
        var existing = accounts.userByEmail(offer.email()).orElse(null);
        UUID userId;
        if (existing == null) {
            String name = displayName == null ? "" : displayName.strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new InvalidFieldException("displayName", "must be 1 to 200 characters");
            }
            policy.check("password", password, offer.email());
            if (!password.equals(confirm)) {
                throw new InvalidFieldException("confirm", "does not match the password");
            }
            userId = UUID.randomUUID();
            accounts.insertUser(userId, offer.email(), name, passwords.encode(password), now);
        } else {
            if (password == null || existing.passwordHash() == null || !passwords.matches(password, existing.passwordHash())) {
                throw new InvalidFieldException("password", "is not the password of " + offer.email());
            }
            userId = existing.id();
        }
        if (!store.markAccepted(offer.id(), now)) {
            throw new Unusable("This invitation was already used. Sign in instead, or ask for a new invitation.");
        }
        // An auditor invited for an audit gets a membership that ends with that audit's access.
        Instant membershipEnds = store.memberExpiresAt(offer.id()).orElse(null);
        if (accounts.memberRow(offer.workspaceId(), userId).isPresent()) {
            accounts.updateMembership(offer.workspaceId(), userId, offer.role(), membershipEnds);
            accounts.setDeactivated(offer.workspaceId(), userId, null);
        } else {
            accounts.insertMembership(offer.workspaceId(), userId, offer.role(), now);
            if (membershipEnds != null) {
                accounts.updateMembership(offer.workspaceId(), userId, offer.role(), membershipEnds);
            }
        }
        events.publishEvent(new InvitationAccepted(new WorkspaceId(offer.workspaceId()), offer.email(), offer.role(), existing == null));
        var user = accounts.userById(userId).orElseThrow();
        return accounts.sessionUser(user, offer.workspaceId(), now).orElseThrow();
    }
}
