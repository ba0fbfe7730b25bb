package dev.attest.catalog.internal;

import dev.attest.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog() {
        Catalog catalog = CatalogLoader.loadDefault();
        log.info("Catalog {}: {} frameworks, {} controls in {} domains, {} mappings", catalog.version(),
                catalog.frameworks().size(), catalog.controls().size(), catalog.domains().size(), catalog.mappingCount());
        return catalog;
    }
}
