/**
 * A workspace's control program: the frameworks it adopted (and their scope), each control's owner,
 * implementation status and notes, and readiness per framework.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "catalog :: spi", "identity", "web"})
package dev.attest.controls;
