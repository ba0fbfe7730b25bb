package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in. The principal it yields is a {@link CurrentUser}. Lockout and the
 * second factor hook in here.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    // Compared against when the email is unknown, so that timing does not reveal which emails exist.
    private final String unknownUserHash;

    PasswordSignIn(AccountStore accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.unknownUserHash = passwords.encode(TokenHash.newPassword());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName());
        String password = String.valueOf(authentication.getCredentials());
        var user = accounts.userByEmail(email).orElse(null);
        if (user == null || user.passwordHash() == null) {
            passwords.matches(password, unknownUserHash);
            throw new BadCredentialsException("Wrong email or password");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            throw new BadCredentialsException("Wrong email or password");
        }
        if (!user.enabled()) {
            throw new DisabledException("This account is deactivated");
        }
        CurrentUser current = accounts.sessionUser(user)
                .orElseThrow(() -> new DisabledException("This account belongs to no workspace"));
        return UsernamePasswordAuthenticationToken.authenticated(current, null, Authorities.of(current));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
