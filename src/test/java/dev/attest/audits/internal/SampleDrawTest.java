package dev.attest.audits.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The draw is a function of the population's ids, the size and the seed, and nothing else. */
class SampleDrawTest {

    private final List<String> population = IntStream.rangeClosed(1, 500).mapToObj("item-%03d"::formatted).toList();

    @Test
    void theSameSeedDrawsTheSameDistinctItemsAndAnotherSeedOthers() {
        List<String> once = SampleDraw.draw(population, 25, 42L);
        assertThat(SampleDraw.draw(population, 25, 42L)).isEqualTo(once);
        assertThat(new HashSet<>(once)).hasSize(25);
        assertThat(population).containsAll(once);
        assertThat(SampleDraw.draw(population, 25, 43L)).isNotEqualTo(once);
    }

    @Test
    void aWholePopulationSampleIsEveryItemAndALargerOneIsRefused() {
        assertThat(SampleDraw.draw(population, 500, 7L)).containsExactlyInAnyOrderElementsOf(population);
        assertThatThrownBy(() -> SampleDraw.draw(population, 501, 7L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proposedSizesFollowTheFrequencyAndNeverExceedThePopulation() {
        SampleSizes defaults = new SampleSizes(null, null, null, null, null, null, null, null, null);
        assertThat(defaults.proposed(dev.attest.catalog.Frequency.ANNUAL, 10)).isEqualTo(1);
        assertThat(defaults.proposed(dev.attest.catalog.Frequency.DAILY, 365)).isEqualTo(20);
        assertThat(defaults.proposed(dev.attest.catalog.Frequency.DAILY, 12)).isEqualTo(12);
        assertThat(defaults.proposed(dev.attest.catalog.Frequency.ON_EVENT, 10)).isEqualTo(3);
        assertThat(defaults.proposed(dev.attest.catalog.Frequency.ON_EVENT, 120)).isEqualTo(12);
        assertThat(defaults.proposed(dev.attest.catalog.Frequency.ON_EVENT, 1000)).isEqualTo(25);
    }
}
