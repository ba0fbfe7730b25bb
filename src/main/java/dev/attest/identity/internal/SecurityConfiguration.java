package dev.attest.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import dev.attest.identity.CurrentUser;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * Two doors: the API ({@code /api/v1/**}) takes bearer tokens only, keeps no session and needs no
 * CSRF token; the pages use form sign-in, a session and CSRF. Anything not named public needs a
 * signed-in user, and each route names its permission with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Fills {@code @RequiresPermission}'s {@code @PreAuthorize} template with the permission's authority. */
    @Bean
    static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenStore tokens, ProblemResponses problems, ApplicationEventPublisher events,
                            Clock clock) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, events, clock), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(this::headers);
        return http.build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AccountStore accounts, SecurityContextRepository contexts, SessionStart sessions,
                              SsoProperties sso, ApplicationEventPublisher events, TransactionTemplate transaction,
                              Clock clock, @Value("${attest.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
        if (sso.enabled()) {
            var singleSignOn = new SingleSignOn(sso, accounts, sessions, events, transaction, clock);
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(SingleSignOn.registrations(sso))
                    .successHandler(singleSignOn)
                    .failureHandler(singleSignOn));
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/invitations/*", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/login/mfa").hasAuthority(SecondFactorPending.AUTHORITY)
                        // Signed in means past every factor: a session waiting for its second factor is not.
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() != null && authentication.get().getPrincipal() instanceof CurrentUser)))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    var current = SecurityContextHolder.getContext().getAuthentication();
                    if (current != null && current.getPrincipal() instanceof SecondFactorPending) {
                        response.sendRedirect(request.getContextPath() + "/login/mfa");
                    } else {
                        new AccessDeniedHandlerImpl().handle(request, response, denied);
                    }
                }))
                .securityContext(c -> c.securityContextRepository(contexts))
                .addFilterBefore(new SessionCheck(accounts, contexts, clock, absoluteTimeout), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").successHandler(new SignInSuccess(sessions)).failureHandler(new SignInFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(this::headers);
        return http.build();
    }

    private void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                // Written only on requests that arrived over TLS (directly, or through a proxy with server.forward-headers-strategy).
                .httpStrictTransportSecurity(h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true));
    }
}
