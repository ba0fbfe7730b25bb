package dev.attest.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /actuator/prometheus} answers a scraper that sends {@code Authorization: Bearer <attest.metrics.token>},
 * or any request on the management port when one is set apart ({@code management.server.port}), which an
 * operator keeps off the public network. Without either, metrics are refused.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${attest.metrics.token:}") String token,
                                @Value("${management.server.port:-1}") int managementPort,
                                @Value("${server.port:8080}") int serverPort) throws Exception {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) -> {
                    HttpServletRequest request = context.getRequest();
                    boolean managementOnly = managementPort > 0 && managementPort != serverPort && request.getLocalPort() == managementPort;
                    String sent = request.getHeader("Authorization");
                    boolean tokenMatches = !token.isBlank() && sent != null
                            && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8));
                    return new AuthorizationDecision(managementOnly || tokenMatches);
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> response.sendError(401)));
        return http.build();
    }
}
