package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.privacy.DataSubjectRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Offers data-subject requests to monitoring ({@code privacy.request}, without personal data) and
 * the deadlines of open ones to the obligations calendar.
 */
@Component
@RequiredArgsConstructor
class PrivacyRecordSources implements ResourceSource, ObligationSource {

    static final String TYPE = "privacy.request";

    private final DataSubjectRequests requests;

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        return requests.list(workspace, false).stream().map(PrivacyRecordSources::resource).toList();
    }

    static Resource resource(DataSubjectRequest r) {
        ResourceData data = new ResourceData()
                .put("reference", r.reference())
                .name("type", r.type())
                .name("law", r.law())
                .put("channel", r.channel())
                .optional("assignee", r.assignee())
                .put("status", r.status())
                .time("receivedAt", r.receivedAt())
                .put("dueDate", r.deadline().dueDate().toString())
                .time("dueAt", r.deadline().dueAt())
                .put("extended", r.extended())
                .put("identityVerified", r.identityVerified())
                .put("openTasks", r.openTasks())
                .put("responseSent", r.responseSentAt() != null);
        if (r.closedAt() != null) {
            data.time("closedAt", r.closedAt()).put("outcome", r.outcome());
        }
        return data.put("personalDataPurged", r.purgedAt() != null).resource(TYPE, r.id().toString());
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        return requests.list(workspace, false).stream().filter(DataSubjectRequest::open)
                .map(r -> new Obligation("privacy:request:" + r.id(), "privacy-request",
                        "Answer " + r.law().name() + " " + r.type().wireName() + " request " + r.reference(), r.assignee(),
                        r.deadline().dueAt(), "/privacy/requests/" + r.id()))
                .toList();
    }
}
