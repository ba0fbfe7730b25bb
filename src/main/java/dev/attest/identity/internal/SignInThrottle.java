package dev.attest.identity.internal;

import dev.attest.identity.AccountLocked;
import dev.attest.identity.AccountUnlocked;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.SignInFailed;
import dev.attest.identity.UnattributedSignInFailed;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.NotFoundException;
import dev.attest.web.UsageCounters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Brute-force defence for password sign-in: after a few failures each further attempt is slowed
 * down, and after more the account (and, separately, the client address) is locked for a period.
 * An admin can lift an account's lock before it runs out.
 * <p>
 * Failures are counted in the database ({@link UsageCounters}), one atomic increment each, so that
 * parallel guesses and several nodes cannot race past the limit. They are counted per typed email
 * whether or not an account has it: an unknown email is slowed down and locked exactly like a known
 * one, with the same messages, so that neither the answer nor its timing tells which emails exist.
 * Failures are recorded in their own transaction, so that the refused sign-in does not roll them back.
 */
@Component
class SignInThrottle {

    static final String ACCOUNT_FAILURES = "sign-in.account";
    static final String ADDRESS_FAILURES = "sign-in.address";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccountStore accounts;
    private final UsageCounters counters;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int slowDownAfter;
    private final Duration delayStep;
    private final int accountLockAfter;
    private final int addressLockAfter;
    private final Duration lockFor;
    private final Duration failureWindow;

    SignInThrottle(AccountStore accounts, UsageCounters counters, ApplicationEventPublisher events,
                   TransactionTemplate transaction, Clock clock,
                   @Value("${attest.sign-in.slow-down-after:3}") int slowDownAfter,
                   @Value("${attest.sign-in.delay-step:500ms}") Duration delayStep,
                   @Value("${attest.sign-in.account-lock-after:5}") int accountLockAfter,
                   @Value("${attest.sign-in.address-lock-after:20}") int addressLockAfter,
                   @Value("${attest.sign-in.lock-for:15m}") Duration lockFor,
                   @Value("${attest.sign-in.failure-window:1h}") Duration failureWindow) {
        this.accounts = accounts;
        this.counters = counters;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.slowDownAfter = slowDownAfter;
        this.delayStep = delayStep;
        this.accountLockAfter = accountLockAfter;
        this.addressLockAfter = addressLockAfter;
        this.lockFor = lockFor;
        this.failureWindow = failureWindow;
    }

    int addressLockAfter() {
        return addressLockAfter;
    }

    /**
     * Refuses the attempt when the email or the address is locked; otherwise waits as long as earlier
     * failures earned. Only the typed email is consulted, never whether an account has it.
     */
    void before(String email, String address) {
        if (address != null) {
            var until = counters.blockedUntil(ADDRESS_FAILURES, address);
            if (until.isPresent()) {
                throw new LockedException("Too many failed sign-ins from your network address. Try again after "
                        + TIME.format(until.get()) + ".");
            }
        }
        if (email == null) {
            return;
        }
        var until = counters.blockedUntil(ACCOUNT_FAILURES, email);
        if (until.isPresent()) {
            throw new LockedException("This account is locked after too many failed sign-ins. Try again after "
                    + TIME.format(until.get()) + ", or ask an admin to unlock it.");
        }
        // Slowing down follows the email's failures only: an address may be a whole office behind one gateway.
        int failures = counters.hits(ACCOUNT_FAILURES, email, failureWindow);
        if (failures >= slowDownAfter) {
            long millis = Math.min(delayStep.toMillis() * (failures - slowDownAfter + 1), 3000);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts a failure against the typed email and the address, locking either when it had too many. */
    void failed(AccountStore.StoredUser user, String email, String address, String reason) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant until = now.plus(lockFor);
            boolean locked = counters.hit(ACCOUNT_FAILURES, email, failureWindow) >= accountLockAfter
                    && counters.block(ACCOUNT_FAILURES, email, until);
            var workspaces = user == null ? java.util.List.<AccountStore.WorkspaceChoice>of() : accounts.workspacesOf(user.id(), now);
            if (user != null && locked) {
                // Shown to admins on the members page; the counter above is what sign-in obeys.
                accounts.setLockedUntil(user.id(), until);
            }
            for (var w : workspaces) {
                events.publishEvent(new SignInFailed(new WorkspaceId(w.id()), user.email(), reason));
                if (locked) {
                    events.publishEvent(new AccountLocked(new WorkspaceId(w.id()), user.email(), null, until));
                }
            }
            if (workspaces.isEmpty()) {
                events.publishEvent(new UnattributedSignInFailed(email, "identity.sign-in-failed", "user:" + email, reason));
            }
            if (address != null && counters.hit(ADDRESS_FAILURES, address, lockFor) >= addressLockAfter
                    && counters.block(ADDRESS_FAILURES, address, until)) {
                events.publishEvent(new UnattributedSignInFailed("system", "identity.address-locked", "address:" + address,
                        "sign-in from this address locked until " + until + " after repeated failures"));
            }
        });
    }

    void succeeded(AccountStore.StoredUser user) {
        counters.clear(ACCOUNT_FAILURES, user.email());
    }

    /** An admin lifts the lock of a member of their workspace. */
    void unlock(CurrentUser admin, UUID user) {
        transaction.executeWithoutResult(status -> {
            var member = accounts.memberRow(admin.workspaceId().value(), user).orElseThrow(() -> new NotFoundException("No such member in this workspace"));
            accounts.setLockedUntil(user, null);
            counters.clear(ACCOUNT_FAILURES, member.email());
            events.publishEvent(new AccountUnlocked(admin.workspaceId(), admin.actor(), member.email()));
        });
    }
}
