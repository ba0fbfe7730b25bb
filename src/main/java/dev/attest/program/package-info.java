/**
 * The compliance program as a whole: the dashboard of the day's work, one search across the records of
 * every module, and the first-run setup checklist. It only reads other modules through their facades.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "policies", "vendors", "people",
        "risks", "incidents", "evidence", "monitoring", "monitoring :: spi", "audits", "obligations", "obligations :: spi", "trustcenter", "identity", "web"})
package dev.attest.program;
