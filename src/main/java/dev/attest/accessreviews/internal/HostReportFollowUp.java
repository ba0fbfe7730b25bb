package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.AccountSource;
import dev.attest.monitoring.MonitoringRunRecorded;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a host agent pushes its report, the Linux systems reviewed from that host take it as their new
 * collection, which verifies their open remediation tasks (a removed user is gone from the report).
 */
@Component
@RequiredArgsConstructor
class HostReportFollowUp {

    private final SystemStore store;
    private final LinuxHostSource source;
    private final AccountCollection collection;

    @EventListener
    void received(MonitoringRunRecorded event) {
        // The push's source label is free text, so every Linux system checks whether its host's report is newer than its accounts.
        for (SystemStore.Row system : store.all(event.workspaceId())) {
            if (!"linux".equals(system.kind()) || system.target() == null) {
                continue;
            }
            source.report(event.workspaceId(), system.target()).filter(report -> system.lastCollectedAt() == null
                    || report.collectedAt() == null || report.collectedAt().isAfter(system.lastCollectedAt())).ifPresent(report -> {
                try {
                    collection.keep(event.workspaceId(), system, LinuxHostSource.accounts(system.name(), report.resource().data(),
                            system.settings()), event.actor());
                } catch (AccountSource.SourceUnavailable e) {
                    // An agent too old to report accounts: the system keeps its last collection.
                }
            });
        }
    }
}
