package dev.attest.web;

import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI description names the configured public base URL as its server. Left alone, springdoc
 * would write the Host header of whoever asked, so a crafted request could get a description that
 * sends the API's callers elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenApiCustomizer publicServer(PublicBaseUrl baseUrl) {
        return openApi -> openApi.setServers(List.of(new Server().url(baseUrl.get()).description("Attest")));
    }

    // springdoc recomputes the server from each request when it serves its cached description: that one too is the base URL.
    @Bean
    ServerBaseUrlCustomizer publicServerOnEveryRequest(PublicBaseUrl baseUrl) {
        return (fromRequest, request) -> baseUrl.get();
    }
}
