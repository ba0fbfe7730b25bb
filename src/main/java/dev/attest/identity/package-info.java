/**
 * Identity: workspaces, users and their roles, sign-in (form and API tokens) and the current
 * user of a request. Multi-factor sign-in, single sign-on and invitations plug in here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "crypto"})
package dev.attest.identity;
