package dev.attest.audits.internal;

import dev.attest.catalog.Frequency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample size Attest proposes from a control's frequency, following common audit practice
 * (annual 1, quarterly 2, monthly 2 to 5, weekly 5 to 15, daily 20 to 40, many times a day 25 to
 * 60, per occurrence 10% with at least 3 and at most 25). The defaults are each range's low end;
 * {@code attest.audits.sample-sizes.*} changes them. Never more than the population.
 */
@ConfigurationProperties("attest.audits.sample-sizes")
record SampleSizes(Integer annual, Integer quarterly, Integer monthly, Integer weekly, Integer daily, Integer continuous,
                   Integer perOccurrencePercent, Integer perOccurrenceMin, Integer perOccurrenceMax) {

    SampleSizes {
        annual = annual == null ? 1 : annual;
        quarterly = quarterly == null ? 2 : quarterly;
        monthly = monthly == null ? 2 : monthly;
        weekly = weekly == null ? 5 : weekly;
        daily = daily == null ? 20 : daily;
        continuous = continuous == null ? 25 : continuous;
        perOccurrencePercent = perOccurrencePercent == null ? 10 : perOccurrencePercent;
        perOccurrenceMin = perOccurrenceMin == null ? 3 : perOccurrenceMin;
        perOccurrenceMax = perOccurrenceMax == null ? 25 : perOccurrenceMax;
    }

    int proposed(Frequency frequency, int population) {
        int size = switch (frequency) {
            case ANNUAL -> annual;
            case QUARTERLY -> quarterly;
            case MONTHLY -> monthly;
            case WEEKLY -> weekly;
            case DAILY -> daily;
            case CONTINUOUS -> continuous;
            case ON_EVENT -> Math.min(perOccurrenceMax, Math.max(perOccurrenceMin, (int) Math.ceil(population * perOccurrencePercent / 100.0)));
        };
        return Math.min(size, population);
    }
}
