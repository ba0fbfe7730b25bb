/**
 * The public Trust Center: the site a company's customers read (certifications, published controls
 * with their live status, FAQ), gated documents behind an NDA with access requests and watermarked
 * downloads, the subprocessor list with its change notices, Atom feed and email subscriptions, and
 * security.txt. Admins edit a draft, preview it and publish.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "catalog", "controls", "vendors", "evidence", "responsibility", "obligations :: spi", "crypto"})
package dev.attest.trustcenter;
