package dev.attest.monitoring;

import java.util.Map;

/**
 * One check's verdict on one resource, and why: the values of the fields the expression read.
 *
 * @param outcome  {@code pass}, {@code fail}, or {@code error} when the expression could not be evaluated
 * @param error    what went wrong, for {@code error}
 * @param observed the resource's values of the top-level fields the expression reads
 */
public record CheckResult(String checkKey, String resourceType, String resourceId, String outcome, String error,
                          Map<String, Object> observed) {

    public boolean passed() {
        return "pass".equals(outcome);
    }
}
