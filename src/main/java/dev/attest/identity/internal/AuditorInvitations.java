package dev.attest.identity.internal;

import dev.attest.identity.AuditorMemberships;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.web.InvalidFieldException;
import dev.attest.identity.InviteMember;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** Auditor memberships for audits: reuses an auditor's membership or sends an auditor invitation. */
@Service
@RequiredArgsConstructor
class AuditorInvitations implements AuditorMemberships {

    private final AccountStore accounts;
    private final Invitations invitations;
    private final InvitationStore store;

    @Override
    @Transactional
    public Outcome ensureAuditor(CurrentUser admin, String email, Instant membershipEnds) {
        String address = email == null ? "" : AccountStore.normalize(email);
        var member = accounts.memberRows(admin.workspaceId().value()).stream().filter(m -> m.email().equals(address)).findFirst();
        if (member.isPresent()) {
            var m = member.get();
            if (m.role() != Role.AUDITOR) {
                throw new InvalidFieldException("email", "is a member in the role " + m.role().wireName() + "; only auditors are invited to audits");
            }
            if (m.expiresAt() != null && membershipEnds != null && m.expiresAt().isBefore(membershipEnds)) {
                accounts.updateMembership(admin.workspaceId().value(), m.userId(), Role.AUDITOR, membershipEnds);
            }
            return Outcome.EXISTING_AUDITOR;
        }
        var pending = invitations.invite(admin, new InviteMember(address, Role.AUDITOR));
        store.setMemberExpiresAt(pending.id(), membershipEnds);
        return Outcome.INVITED;
    }
}
