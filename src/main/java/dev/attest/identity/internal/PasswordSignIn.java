package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Email and password sign-in. The principal it yields is a {@link CurrentUser}. Every attempt
 * passes the {@link SignInThrottle} first; failures are counted and recorded.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final SecondFactor secondFactor;
    private final Clock clock;
    // Compared against when the email is unknown, so that timing does not reveal which emails exist.
    private final String unknownUserHash;

    PasswordSignIn(AccountStore accounts, PasswordEncoder passwords, SignInThrottle throttle, SecondFactor secondFactor, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.clock = clock;
        this.unknownUserHash = passwords.encode(TokenHash.newPassword());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = AccountStore.normalize(String.valueOf(authentication.getName()));
        String password = String.valueOf(authentication.getCredentials());
        String address = clientAddress();
        var user = accounts.userByEmail(email).orElse(null);
        throttle.before(email, address);
        if (user == null || user.passwordHash() == null) {
            passwords.matches(password, unknownUserHash);
            throttle.failed(user, email, address, "wrong email or password");
            throw new BadCredentialsException("Wrong email or password");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throttle.failed(user, email, address, "wrong password");
            throw new BadCredentialsException("Wrong email or password");
        }
        if (!user.enabled()) {
            throttle.failed(user, email, address, "account disabled");
            throw new DisabledException("This account is deactivated");
        }
        CurrentUser current = accounts.sessionUser(user, clock.instant()).orElse(null);
        if (current == null) {
            throttle.failed(user, email, address, "no active membership");
            throw new DisabledException("This account is deactivated or belongs to no workspace");
        }
        if (secondFactor.enabled(user.id())) {
            // Half-way: the password was right, the session may only open the code page until the second factor is given.
            var pending = new SecondFactorPending(user.id(), user.email(), current.workspaceId().value());
            return UsernamePasswordAuthenticationToken.authenticated(pending, null,
                    java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(SecondFactorPending.AUTHORITY)));
        }
        throttle.succeeded(user);
        return UsernamePasswordAuthenticationToken.authenticated(current, null, Authorities.of(current));
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
