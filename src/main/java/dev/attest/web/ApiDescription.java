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

    /** Attest's own title, release and a description, rather than springdoc's "OpenAPI definition" "v0". */
    @Bean
    OpenApiCustomizer attestInfo(@org.springframework.beans.factory.annotation.Value("${attest.version:development}") String version) {
        return openApi -> openApi.info(new io.swagger.v3.oas.models.info.Info()
                .title("Attest API")
                .version(version.startsWith("@") ? "development" : version)
                .description("The REST API of Attest, a self-hosted compliance automation platform: frameworks and controls, "
                        + "monitoring (resources, checks, findings), evidence and its ledger, policies, people, vendors, risks, "
                        + "incidents, privacy requests, audits and the Trust Center. Every call takes an API token as "
                        + "`Authorization: Bearer attest_...` (create one on the Tokens page); errors are RFC 9457 problem details."));
    }

    // springdoc recomputes the server from each request when it serves its cached description: that one too is the base URL.
    @Bean
    ServerBaseUrlCustomizer publicServerOnEveryRequest(PublicBaseUrl baseUrl) {
        return (fromRequest, request) -> baseUrl.get();
    }
}
