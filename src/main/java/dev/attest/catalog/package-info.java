/**
 * The catalog: frameworks, their requirements, the control library and the mappings between
 * them, shipped as versioned YAML files under {@code catalog/} and validated at start-up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web"})
package dev.attest.catalog;
