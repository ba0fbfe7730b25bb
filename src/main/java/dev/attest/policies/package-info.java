/**
 * Policies: the written security program. Policy documents in Markdown created from shipped
 * templates, their versions through review, approval and publication, the review cycle, and each
 * person's acceptance of the exact published version.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "identity", "web", "monitoring :: spi", "obligations :: spi", "crypto"})
package dev.attest.policies;
