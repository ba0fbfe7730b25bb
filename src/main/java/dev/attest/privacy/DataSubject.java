package dev.attest.privacy;

/**
 * The requester's personal data: kept only encrypted at rest, and purged after closure.
 *
 * @param details what they wrote: the accounts or products concerned, what they ask for
 */
public record DataSubject(String name, String email, String details) {
}
