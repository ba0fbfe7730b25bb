package dev.attest.audits.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The draw itself, kept apart so that the offline verifier runs exactly this code: a partial
 * Fisher-Yates shuffle of the population's ids (in their canonical order) driven by
 * {@link java.util.Random}, whose algorithm the Java specification fixes, so the same seed gives
 * the same sample on any JVM.
 */
final class SampleDraw {

    private SampleDraw() {
    }

    static List<String> draw(List<String> ids, int size, long seed) {
        if (size < 0 || size > ids.size()) {
            throw new IllegalArgumentException("sample size " + size + " for a population of " + ids.size());
        }
        List<String> pool = new ArrayList<>(ids);
        Random random = new Random(seed);
        List<String> drawn = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int pick = i + random.nextInt(pool.size() - i);
            String chosen = pool.get(pick);
            pool.set(pick, pool.get(i));
            pool.set(i, chosen);
            drawn.add(chosen);
        }
        return drawn;
    }
}
