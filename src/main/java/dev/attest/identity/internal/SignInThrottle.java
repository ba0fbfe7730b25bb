package dev.attest.identity.internal;

import dev.attest.identity.AccountLocked;
import dev.attest.identity.AccountUnlocked;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.SignInFailed;
import dev.attest.identity.UnattributedSignInFailed;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Brute-force defence for password sign-in: after a few failures each further attempt is slowed
 * down, and after more the account (and, separately, the client address) is locked for a period.
 * An admin can lift an account's lock before it runs out. Failures are recorded in their own
 * transaction, so that the refused sign-in does not roll them back.
 */
@Component
class SignInThrottle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int slowDownAfter;
    private final Duration delayStep;
    private final int accountLockAfter;
    private final int addressLockAfter;
    private final Duration lockFor;

    SignInThrottle(JdbcClient jdbc, AccountStore accounts, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock,
                   @Value("${attest.sign-in.slow-down-after:3}") int slowDownAfter,
                   @Value("${attest.sign-in.delay-step:500ms}") Duration delayStep,
                   @Value("${attest.sign-in.account-lock-after:5}") int accountLockAfter,
                   @Value("${attest.sign-in.address-lock-after:20}") int addressLockAfter,
                   @Value("${attest.sign-in.lock-for:15m}") Duration lockFor) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.slowDownAfter = slowDownAfter;
        this.delayStep = delayStep;
        this.accountLockAfter = accountLockAfter;
        this.addressLockAfter = addressLockAfter;
        this.lockFor = lockFor;
    }

    int addressLockAfter() {
        return addressLockAfter;
    }

    /** Refuses the attempt when the account or the address is locked; otherwise waits as long as earlier failures earned. */
    void before(AccountStore.StoredUser user, String address) {
        Instant now = clock.instant();
        var addressState = address(address);
        if (addressState != null && addressState.lockedUntil() != null && addressState.lockedUntil().isAfter(now)) {
            throw new LockedException("Too many failed sign-ins from your network address. Try again after "
                    + TIME.format(addressState.lockedUntil()) + ".");
        }
        if (user != null && user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            throw new LockedException("This account is locked after too many failed sign-ins. Try again after "
                    + TIME.format(user.lockedUntil()) + ", or ask an admin to unlock it.");
        }
        // Slowing down follows the account's failures only: an address may be a whole office behind one gateway.
        int failures = user == null ? 0 : user.failedSignIns();
        if (failures >= slowDownAfter) {
            long millis = Math.min(delayStep.toMillis() * (failures - slowDownAfter + 1), 3000);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts a failure against the account (when it exists) and the address, locking either when it had too many. */
    void failed(AccountStore.StoredUser user, String email, String address, String reason) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant until = now.plus(lockFor);
            var workspaces = user == null ? java.util.List.<AccountStore.WorkspaceChoice>of() : accounts.workspacesOf(user.id(), now);
            if (user != null) {
                int failures = user.failedSignIns() + 1;
                boolean lock = failures >= accountLockAfter;
                jdbc.sql("update app_user set failed_sign_ins = ?, locked_until = ? where id = ?")
                        .params(lock ? 0 : failures, lock ? AccountStore.utc(until)
                                : user.lockedUntil() == null ? null : AccountStore.utc(user.lockedUntil()), user.id())
                        .update();
                for (var w : workspaces) {
                    events.publishEvent(new SignInFailed(new WorkspaceId(w.id()), user.email(), reason));
                    if (lock) {
                        events.publishEvent(new AccountLocked(new WorkspaceId(w.id()), user.email(), null, until));
                    }
                }
            }
            if (workspaces.isEmpty()) {
                events.publishEvent(new UnattributedSignInFailed(email, "identity.sign-in-failed", "user:" + email, reason));
            }
            if (address != null && countAddressFailure(address, now, until)) {
                events.publishEvent(new UnattributedSignInFailed("system", "identity.address-locked", "address:" + address,
                        "sign-in from this address locked until " + until + " after repeated failures"));
            }
        });
    }

    void succeeded(AccountStore.StoredUser user) {
        if (user.failedSignIns() > 0) {
            jdbc.sql("update app_user set failed_sign_ins = 0 where id = ?").param(user.id()).update();
        }
    }

    /** An admin lifts the lock of a member of their workspace. */
    void unlock(CurrentUser admin, UUID user) {
        transaction.executeWithoutResult(status -> {
            var member = accounts.memberRow(admin.workspaceId().value(), user).orElseThrow(() -> new NotFoundException("No such member in this workspace"));
            jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where id = ?").param(user).update();
            events.publishEvent(new AccountUnlocked(admin.workspaceId(), admin.actor(), member.email()));
        });
    }

    private record AddressState(int failures, Instant windowStart, Instant lockedUntil) {
    }

    private AddressState address(String address) {
        if (address == null) {
            return null;
        }
        return jdbc.sql("select failures, window_start, locked_until from sign_in_address where address = ?").param(address)
                .query((rs, n) -> new AddressState(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        AccountStore.instant(rs.getObject(3, OffsetDateTime.class))))
                .optional().orElse(null);
    }

    /** Counts one failure in the address's window; true when this one locks it. */
    private boolean countAddressFailure(String address, Instant now, Instant until) {
        AddressState state = address(address);
        if (state == null) {
            jdbc.sql("insert into sign_in_address (address, failures, window_start) values (?, 0, ?) on conflict do nothing")
                    .params(address, AccountStore.utc(now)).update();
            state = new AddressState(0, now, null);
        }
        boolean windowOver = state.windowStart().plus(lockFor).isBefore(now);
        int failures = windowOver ? 1 : state.failures() + 1;
        boolean lock = failures >= addressLockAfter;
        jdbc.sql("update sign_in_address set failures = ?, window_start = ?, locked_until = ? where address = ?")
                .params(lock ? 0 : failures, AccountStore.utc(windowOver ? now : state.windowStart()),
                        lock ? AccountStore.utc(until) : null, address)
                .update();
        return lock;
    }
}
