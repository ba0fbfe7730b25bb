package dev.attest.accessreviews;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/**
 * What someone submits to create or change a review system (API body and page form alike).
 *
 * @param connectionId the monitoring connection (PostgreSQL, MariaDB) the accounts are read through
 * @param target       a host name (linux), an LDAP URL (ldap) or a SCIM base URL (scim)
 * @param secrets      null keeps the stored ones; values are sealed and never returned
 */
public record SaveSystem(@NotBlank(message = "a name of 1 to 200 characters") @Size(max = 200, message = "a name of 1 to 200 characters") String name,
                         @NotBlank(message = "which source the accounts come from") String kind,
                         @NotBlank(message = "the member who owns the system and reviews it by default")
                         @Email(message = "an email address") @Size(max = 320) String ownerEmail,
                         UUID connectionId,
                         @Size(max = 1000, message = "at most 1000 characters") String target,
                         Map<String, String> settings,
                         Map<String, String> secrets) {
}
