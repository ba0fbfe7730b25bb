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

/**
 * The monitoring pipeline's meters, read from its tables at scrape time so that every node reports the
 * whole cluster's figures (take one node's value, not the sum): collector runs by status with their
 * total duration ({@code attest_collector_runs}), evaluations done ({@code attest_evaluations_total},
 * whose rate is the evaluation rate) and findings open by severity ({@code attest_findings_open}).
 */
@Component
@RequiredArgsConstructor
class MonitoringMeters implements MeterBinder {

    private final ConnectionStore connections;
    private final FindingWorkStore findings;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"succeeded", "failed"}) {
            FunctionTimer.builder("attest.collector.runs", this,
                            m -> m.connections.finishedRuns(status),
                            m -> m.connections.finishedRunMillis(status),
                            TimeUnit.MILLISECONDS)
                    .description("Finished collector runs and their total duration")
                    .tag("status", status)
                    .register(registry);
        }
        // monitoring_evaluation belongs to ResultStore; its count moves there with the next change to that class
        FunctionCounter.builder("attest.evaluations", this,
                        m -> m.jdbc.sql("select count(*) from monitoring_evaluation").query(Long.class).single())
                .description("Check evaluations finished (its rate is the evaluation rate)")
                .register(registry);
        for (String severity : new String[] {"critical", "high", "medium", "low"}) {
            Gauge.builder("attest.findings.open", this, m -> m.findings.openNotAccepted(severity, m.clock.instant()))
                    .description("Findings open now, risk-accepted ones aside")
                    .tag("severity", severity)
                    .register(registry);
        }
    }
}
