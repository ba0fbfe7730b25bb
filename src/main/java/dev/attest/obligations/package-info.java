/**
 * The obligations calendar: every recurring duty and running clock across modules (reviews, tests,
 * trainings, notification deadlines) with owner and due date, reminders and an iCalendar feed.
 * Modules plug in with an {@link dev.attest.obligations.ObligationSource} bean.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "web"})
package dev.attest.obligations;
