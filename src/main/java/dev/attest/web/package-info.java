/**
 * The shared web layout: page frame and navigation, error pages and API problem details for
 * errors no module claims, htmx support, and the application clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.attest.web;
