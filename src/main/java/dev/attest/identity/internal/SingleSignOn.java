package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UnattributedSignInFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Sign-in through an OpenID Connect provider. A verified identity whose email domain is allowed
 * becomes a session: the account and the membership of the configured workspace are created at
 * the first sign-in (in the default role). A refused or broken callback (wrong state or nonce, a
 * domain not allowed) goes back to the sign-in page with the reason, and into the audit trail.
 */
@RequiredArgsConstructor
class SingleSignOn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String REGISTRATION = "sso";

    private final SsoProperties properties;
    private final AccountStore accounts;
    private final SessionStart sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** The provider's registration, read from its discovery document at start-up. */
    static ClientRegistrationRepository registrations(SsoProperties properties) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope("openid", "email", "profile")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OidcUser oidc = (OidcUser) authentication.getPrincipal();
        String email = oidc.getEmail() == null ? null : AccountStore.normalize(oidc.getEmail());
        if (email == null || !properties.allows(email)) {
            refuse(request, response, email == null ? oidc.getSubject() : email,
                    "single sign-on refused: the email domain is not allowed", "sso-refused");
            return;
        }
        CurrentUser user = transaction.execute(status -> member(email, oidc.getFullName()));
        if (user == null) {
            refuse(request, response, email, "single sign-on refused: the membership is deactivated", "sso-refused");
            return;
        }
        sessions.signedIn(request, response, user, "single sign-on");
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** The account and membership, created at the first sign-in; null when the membership is deactivated. */
    private CurrentUser member(String email, String name) {
        Instant now = clock.instant();
        UUID workspace = accounts.workspaceBySlug(properties.workspace())
                .orElseThrow(() -> new IllegalStateException("attest.sso.workspace names no workspace: " + properties.workspace()));
        var user = accounts.userByEmail(email).orElse(null);
        if (user == null) {
            UUID id = UUID.randomUUID();
            accounts.insertUser(id, email, name == null || name.isBlank() ? email : name, null, now);
            user = accounts.userById(id).orElseThrow();
        }
        if (accounts.memberRow(workspace, user.id()).isEmpty()) {
            accounts.insertMembership(workspace, user.id(), Role.fromWireName(properties.defaultRole()), now);
        }
        if (!user.enabled()) {
            return null;
        }
        return accounts.sessionUser(user, workspace, now).orElse(null);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : e.getClass().getSimpleName();
        refuse(request, response, "anonymous", "single sign-on failed: " + code, "sso-error");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String who, String why, String reason) throws IOException {
        events.publishEvent(new UnattributedSignInFailed(who, "identity.sso-failed", "user:" + who, why));
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
    }
}
