package dev.attest.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * Limits on the public forms that send email to an address someone typed (document requests,
 * subprocessor subscriptions, privacy requests): per client address, so that one client cannot mail
 * many strangers, and per target address, so that many clients cannot flood one mailbox. Counted in
 * the database ({@link UsageCounters}), so the limits hold across nodes. A refused submission gets the
 * same page as an accepted one: the answer tells neither the client nor anyone watching which
 * addresses were already asked for.
 */
@Component
public class PublicFormLimits {

    static final String PER_CLIENT = "public-form.client";
    static final String PER_TARGET = "public-form.target";

    private final UsageCounters counters;
    private final int perClient;
    private final Duration clientWindow;
    private final int perTarget;
    private final Duration targetWindow;

    PublicFormLimits(UsageCounters counters,
                     @Value("${attest.public-forms.per-client:5}") int perClient,
                     @Value("${attest.public-forms.client-window:10m}") Duration clientWindow,
                     @Value("${attest.public-forms.per-target:3}") int perTarget,
                     @Value("${attest.public-forms.target-window:24h}") Duration targetWindow) {
        this.counters = counters;
        this.perClient = perClient;
        this.clientWindow = clientWindow;
        this.perTarget = perTarget;
        this.targetWindow = targetWindow;
    }

    /**
     * Counts one submission of {@code form} from {@code client} for {@code target}; true when both are
     * within their limits, so that the form may hold it and send its email.
     */
    public boolean allow(String form, String client, String target) {
        boolean clientWithin = counters.allow(PER_CLIENT, form + "|" + client, perClient, clientWindow);
        String mailbox = target == null ? "" : target.strip().toLowerCase(Locale.ROOT);
        boolean targetWithin = counters.allow(PER_TARGET, form + "|" + mailbox, perTarget, targetWindow);
        return clientWithin && targetWithin;
    }

    /** Forgets every count (tests, where every client is 127.0.0.1). */
    public void clear() {
        counters.clearAll(PER_CLIENT);
        counters.clearAll(PER_TARGET);
    }
}
