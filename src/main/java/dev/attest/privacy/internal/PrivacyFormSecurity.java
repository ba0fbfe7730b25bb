package dev.attest.privacy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The public request form needs no sign-in: this chain covers its paths only, keeps CSRF
 * protection on (the form carries the token from its session) and the same strict headers.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyFormSecurity {

    @Bean
    @Order(-20)
    SecurityFilterChain privacyPublicForm(HttpSecurity http) throws Exception {
        http.securityMatcher("/trust/privacy/request", "/trust/privacy/request/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }
}
