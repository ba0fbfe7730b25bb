/**
 * Access reviews: the accounts of each system in scope (from Attest's members, PostgreSQL and
 * MariaDB connections, Linux hosts, LDAP directories, SCIM providers and CSV uploads), matched to
 * the people roster; review campaigns that freeze a snapshot, flag risky accounts and collect
 * keep/revoke/change decisions; remediation tasks that the next collection of the system verifies.
 * Offers campaigns and accounts to monitoring and the next campaign to the obligations calendar.
 * Other modules or collectors add a system kind with an {@link dev.attest.accessreviews.AccountSource} bean.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "web", "people", "evidence", "monitoring", "monitoring :: spi", "obligations :: spi", "catalog", "crypto"})
package dev.attest.accessreviews;
