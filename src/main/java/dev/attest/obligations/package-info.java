/**
 * The obligations calendar: every recurring duty and running clock across modules (reviews, tests,
 * trainings, notification deadlines) with owner and due date, reminders and an iCalendar feed.
 * Modules plug in with an {@link dev.attest.obligations.ObligationSource} bean; the recurring duties
 * a workspace configures (access reviews, penetration and continuity tests, exercises, training)
 * live here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web", "monitoring :: spi", "controls", "evidence", "catalog", "crypto"})
package dev.attest.obligations;
