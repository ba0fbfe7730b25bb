package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Email subscriptions to subprocessor notices: double opt-in (nothing is sent but the confirmation
 * until the address owner confirms) and one-click unsubscribe (RFC 8058) from every notice.
 */
@Service
@RequiredArgsConstructor
class NoticeSubscriptions {

    private final SubprocessorStore store;
    private final Mail mail;
    private final Clock clock;

    /** Records a pending subscription and emails the confirmation link, unless a public-form limit says no. */
    @Transactional
    void subscribe(WorkspaceId workspace, String company, String email, String address, String base,
                   java.util.function.BooleanSupplier withinLimits) {
        String clean = email == null ? "" : email.trim();
        if (clean.isEmpty()) {
            throw new InvalidFieldException("email", "your email address is required");
        }
        if (!TrustCenter.validEmail(clean)) {
            throw new InvalidFieldException("email", "this is not a valid email address");
        }
        if (!withinLimits.getAsBoolean()) {
            return;
        }
        SubprocessorStore.Subscriber subscriber = new SubprocessorStore.Subscriber(UUID.randomUUID(), clean,
                DocumentAccess.newToken(), DocumentAccess.newToken(), clock.instant(), null, null);
        store.insertSubscriber(workspace, subscriber, address);
        mail.send(clean, "Confirm your subscription to " + company + "'s subprocessor notices",
                "Someone (hopefully you) asked to receive " + company + "'s subprocessor change notices at this address.\n"
                        + "Confirm here:\n\n" + base + "/trust/subscriptions/confirm?token=" + subscriber.confirmToken()
                        + "\n\nIf it was not you, ignore this email: nothing more will be sent.\n", Map.of());
    }

    @Transactional
    Optional<String> confirm(WorkspaceId workspace, String token) {
        return store.byConfirmToken(workspace, token == null ? "" : token).map(s -> {
            store.confirm(workspace, s.id(), clock.instant());
            return s.email();
        });
    }

    @Transactional
    Optional<String> unsubscribe(WorkspaceId workspace, String token) {
        return store.byUnsubscribeToken(workspace, token == null ? "" : token).map(s -> {
            if (s.unsubscribedAt() == null) {
                store.unsubscribe(workspace, s.id(), clock.instant());
            }
            return s.email();
        });
    }

    boolean knownUnsubscribeToken(WorkspaceId workspace, String token) {
        return store.byUnsubscribeToken(workspace, token == null ? "" : token).isPresent();
    }

    void notifyAll(WorkspaceId workspace, TrustCenterContent published, SubprocessorStore.Notice notice, String base) {
        for (SubprocessorStore.Subscriber s : store.confirmed(workspace)) {
            String unsubscribe = base + "/trust/subscriptions/unsubscribe?token=" + s.unsubscribeToken();
            mail.send(s.email(), published.company() + " subprocessor notice: " + SubprocessorNotices.describe(notice),
                    SubprocessorNotices.describe(notice) + " on " + notice.effectiveOn() + ".\n\n"
                            + "Subprocessor: " + notice.name() + "\nPurpose: " + (notice.purpose() == null ? "-" : notice.purpose())
                            + "\nLocation: " + (notice.location() == null ? "-" : notice.location())
                            + "\nEffective: " + notice.effectiveOn() + "\n\nThe full list: " + base + "/trust/subprocessors\n\n"
                            + "Unsubscribe: " + unsubscribe + "\n",
                    Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        }
    }
}
