/**
 * The risk register: each risk with its owner, likelihood and impact before and after treatment,
 * the treatment chosen and the controls that carry it, its review date; the heat map; the yearly
 * risk assessments; CSV import and export. Offers risks to monitoring and review dates to the
 * obligations calendar.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "identity", "monitoring :: spi", "obligations :: spi", "web"})
package dev.attest.risks;
