/**
 * Continuous control monitoring: collectors and record modules supply resources, checks written in
 * CEL pass or fail each resource, results become evidence and drive each control's status.
 * Record modules plug in by providing a {@link dev.attest.monitoring.ResourceSource} bean and check
 * definitions under {@code checks/*.yaml}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "evidence", "identity", "web"})
package dev.attest.monitoring;
