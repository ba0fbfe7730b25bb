/**
 * Incidents: reports from anyone signed in, triage (severity, status, systems, data and customers
 * affected), timelines, breach determination with the regulatory and contractual notification
 * clocks it starts and the notifications sent, post-mortems with action items, and the yearly
 * incident-response exercises. Offers incidents and exercises to monitoring and the running clocks
 * to the obligations calendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "monitoring :: spi", "obligations :: spi", "web"})
package dev.attest.incidents;
