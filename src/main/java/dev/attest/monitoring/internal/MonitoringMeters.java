package dev.attest.monitoring.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static dev.attest.web.Columns.utc;

/**
 * The monitoring pipeline's meters, read from its tables at scrape time so that every node reports the
 * whole cluster's figures (take one node's value, not the sum): collector runs by status with their
 * total duration ({@code attest_collector_runs}), evaluations done ({@code attest_evaluations_total},
 * whose rate is the evaluation rate) and findings open by severity ({@code attest_findings_open}).
 */
@Component
@RequiredArgsConstructor
class MonitoringMeters implements MeterBinder {

    /** Every open finding of a severity, risk-accepted ones included (an index-only count). */
    private static final String OPEN = "select count(*) from monitoring_finding f where f.status = 'open' and f.severity = :severity";

    /** The open ones a risk acceptance in force covers: found from the few exceptions, then taken from the open count. */
    private static final String ACCEPTED = OPEN + " and " + FindingWorkStore.ACCEPTED;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"succeeded", "failed"}) {
            FunctionTimer.builder("attest.collector.runs", this,
                            m -> m.count("select count(*) from monitoring_run where status = ?", status),
                            m -> m.count("select coalesce(sum(duration_ms), 0) from monitoring_run where status = ?", status),
                            TimeUnit.MILLISECONDS)
                    .description("Finished collector runs and their total duration")
                    .tag("status", status)
                    .register(registry);
        }
        FunctionCounter.builder("attest.evaluations", this, m -> m.count("select count(*) from monitoring_evaluation"))
                .description("Check evaluations finished (its rate is the evaluation rate)")
                .register(registry);
        for (String severity : new String[] {"critical", "high", "medium", "low"}) {
            Gauge.builder("attest.findings.open", this,
                            m -> m.findings(OPEN, severity) - m.findings(ACCEPTED, severity))
                    .description("Findings open now, risk-accepted ones aside")
                    .tag("severity", severity)
                    .register(registry);
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /**
     * Open findings of one severity, counted as {@code FindingStore} counts them (open less accepted): "open and not accepted" in one query
     * walked every open finding to join the exceptions.
     */
    private long findings(String sql, String severity) {
        var statement = jdbc.sql(sql).param("severity", severity);
        return (sql.contains(":now") ? statement.param("now", utc(clock.instant())) : statement).query(Long.class).single();
    }
}
