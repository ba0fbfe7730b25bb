package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * The SCIM door ({@code /scim/**}): its own chain, no session, no CSRF, no sign-in page; an
 * identity provider authenticates with a SCIM bearer token bound to one workspace.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurity {

    static final String AUTHORITY = "scim:provision";

    /** The identity provider calling, and the workspace its token belongs to. */
    record ScimClient(WorkspaceId workspaceId) {
    }

    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, ScimTokens tokens, JsonMapper json) throws Exception {
        http.securityMatcher("/scim/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(AUTHORITY))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .addFilterBefore(new ScimTokenFilter(tokens, json), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                write(response, json, HttpStatus.UNAUTHORIZED, "A SCIM bearer token is required"))
                        .accessDeniedHandler((request, response, ex) ->
                                write(response, json, HttpStatus.FORBIDDEN, "This token may not use SCIM")))
                .headers(h -> h.frameOptions(f -> f.deny()));
        return http.build();
    }

    static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(ScimErrors.SCIM_JSON.toString());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
        }
        json.writeValue(response.getOutputStream(), ScimErrors.body(status, null, detail));
    }

    /** Resolves {@code Authorization: Bearer <scim token>}; a wrong token is a 401 at once. */
    static final class ScimTokenFilter extends OncePerRequestFilter {

        private final ScimTokens tokens;
        private final JsonMapper json;

        ScimTokenFilter(ScimTokens tokens, JsonMapper json) {
            this.tokens = tokens;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                write(response, json, HttpStatus.UNAUTHORIZED, "A SCIM bearer token is required");
                return;
            }
            var workspace = tokens.workspace(header.substring(7).strip());
            if (workspace.isEmpty()) {
                write(response, json, HttpStatus.UNAUTHORIZED, "The SCIM token is unknown or revoked");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ScimClient(workspace.get()), null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
