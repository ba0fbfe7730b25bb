/**
 * OSCAL exports: the system security plan of an adopted framework, the component definition of the
 * checks, assessment results from monitoring runs and the plan of action and milestones from open
 * findings, in OSCAL 1.1.3 JSON and XML. It only reads: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "monitoring", "monitoring :: spi", "evidence",
        "responsibility", "identity", "web"})
package dev.attest.oscal;
