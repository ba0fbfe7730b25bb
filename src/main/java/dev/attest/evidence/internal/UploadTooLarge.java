package dev.attest.evidence.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

import java.io.IOException;

/**
 * The upload form's answer to a file above the multipart limit: back to the page with a form error.
 * The servlet container refuses such a body as soon as anything reads a request parameter, which the
 * CSRF check does first, so without this the browser would get a bare 413 error page. Runs before
 * the security filters, for {@code POST /evidence} only, and only redirects: the page it leads to
 * needs a signed-in reader, and nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
class UploadTooLarge {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> evidenceUploadTooLarge() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String type = request.getContentType();
                return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    new StandardMultipartHttpServletRequest(request);
                } catch (MaxUploadSizeExceededException e) {
                    response.sendRedirect(request.getContextPath() + EvidencePages.PAGE + "?tooLarge");
                    return;
                } catch (MultipartException malformed) {
                    // not ours to judge: the usual handling answers it
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns(EvidencePages.PAGE);
        return registration;
    }
}
