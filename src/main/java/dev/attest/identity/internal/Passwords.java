package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.PasswordChanged;
import dev.attest.identity.SessionsEnded;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One's own password and sessions: changing the password ends every other session; signing out everywhere ends all. */
@Service
@RequiredArgsConstructor
class Passwords {

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Checks the current password and the new one, saves it and ends the user's sessions as of the
     * answer, a time in whole milliseconds: the session that asked carries on as if signed in then.
     */
    @Transactional
    Instant change(CurrentUser user, String current, String password, String confirm) {
        var stored = accounts.userById(user.userId()).orElseThrow();
        if (current == null || stored.passwordHash() == null || !passwords.matches(current, stored.passwordHash())) {
            throw new InvalidFieldException("current", "is not your current password");
        }
        policy.check("password", password, user.email());
        if (!password.equals(confirm)) {
            throw new InvalidFieldException("confirm", "does not match the new password");
        }
        // Whole milliseconds, so that the stamp read back from the database equals this session's sign-in time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        accounts.setPassword(user.userId(), passwords.encode(password));
        accounts.endSessions(user.userId(), now);
        events.publishEvent(new PasswordChanged(user.workspaceId(), user.email()));
        return now;
    }

    @Transactional
    void endSessions(CurrentUser user) {
        accounts.endSessions(user.userId(), clock.instant());
        events.publishEvent(new SessionsEnded(user.workspaceId(), user.email()));
    }
}
