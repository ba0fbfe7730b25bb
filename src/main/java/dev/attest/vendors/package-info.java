/**
 * Vendors and subprocessors: the register of every service provider with the data it touches, where
 * it processes it, its risk tier, and its assurance (audit reports reviewed, DPAs, BAAs, transfer
 * mechanisms, review dates). Offers vendors to monitoring as {@code vendors.vendor} resources and
 * their reviews to the obligations calendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "monitoring :: spi", "obligations :: spi"})
package dev.attest.vendors;
