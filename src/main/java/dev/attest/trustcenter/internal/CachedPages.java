package dev.attest.trustcenter.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Answers a GET for a public page that is in the rendering cache before the security filters and
 * the dispatcher run: these pages are public and read-only, so the only work left is writing the
 * bytes and the same security headers the Trust Center's filter chain sets. A miss goes the normal
 * way, through {@link PublicSite}, which renders and caches the page.
 */
@Configuration(proxyBeanMethods = false)
class CachedPages {

    static final Map<String, String> PAGES = Map.of("/trust", "overview", "/trust/", "overview",
            "/trust/subprocessors", "subprocessors", "/trust/subprocessors.atom", "atom", "/trust/disclosure", "disclosure",
            "/.well-known/security.txt", "security.txt");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cachedPublicPages(RenderCache cache) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String page = "GET".equals(request.getMethod()) && request.getQueryString() == null ? PAGES.get(request.getRequestURI()) : null;
                RenderCache.Entry entry = page == null ? null : cache.peek(page);
                if (entry == null) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(entry.page().status());
                response.setContentType(entry.page().contentType());
                response.setContentLength(entry.bytes().length);
                response.setHeader("Cache-Control", "public, max-age=60");
                response.setHeader("Content-Security-Policy", TrustCenterSecurity.CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.getOutputStream().write(entry.bytes());
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/trust", "/trust/", "/trust/subprocessors", "/trust/subprocessors.atom", "/trust/disclosure",
                "/.well-known/security.txt");
        return registration;
    }
}
