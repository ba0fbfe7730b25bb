package dev.attest.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One member of the workforce.
 *
 * @param requiredPolicies the policies this person must accept; empty means every published policy
 * @param externalId       the identity provider's id when SCIM provisioned the person
 * @param removedAt        when the identity provider removed the person (kept for the offboarding record)
 */
public record Person(UUID id, String name, String email, String title, String department, String managerEmail,
                     EmploymentType employmentType, LocalDate startDate, LocalDate endDate, List<UUID> requiredPolicies,
                     String externalId, Instant createdAt, Instant updatedAt, Instant removedAt) {

    public Person {
        requiredPolicies = List.copyOf(requiredPolicies);
    }

    /** A new member of the workforce with these details, added at {@code now}. */
    public static Person added(PersonDetails d, String externalId, Instant now) {
        return new Person(UUID.randomUUID(), d.name(), d.email(), d.title(), d.department(), d.managerEmail(), d.employmentType(),
                d.startDate(), d.endDate(), d.requiredPolicies(), externalId, now, now, null);
    }

    /** The same person with these details, changed at {@code now}. */
    public Person with(PersonDetails d, Instant now) {
        return new Person(id, d.name(), d.email(), d.title(), d.department(), d.managerEmail(), d.employmentType(), d.startDate(),
                d.endDate(), d.requiredPolicies(), externalId, createdAt, now, removedAt);
    }

    /** Still working here on that day (people who have not started yet count: their onboarding runs). */
    public boolean activeOn(LocalDate day) {
        return removedAt == null && (endDate == null || endDate.isAfter(day));
    }

    /** The same person with the identity provider's id. */
    public Person withExternalId(String id) {
        return new Person(this.id, name, email, title, department, managerEmail, employmentType, startDate, endDate, requiredPolicies, id,
                createdAt, updatedAt, removedAt);
    }

    /** Removed by the identity provider at {@code now}: employment ends {@code today} unless it ended before. */
    public Person removed(LocalDate today, Instant now) {
        LocalDate end = endDate == null || endDate.isAfter(today) ? today : endDate;
        return new Person(id, name, email, title, department, managerEmail, employmentType, startDate, end, requiredPolicies, externalId,
                createdAt, now, now);
    }
}
