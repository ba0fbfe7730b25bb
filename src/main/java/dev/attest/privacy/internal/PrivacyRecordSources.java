package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.privacy.DataSubjectRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", r.reference());
        data.put("type", r.type().wireName());
        data.put("law", r.law().wireName());
        data.put("channel", r.channel());
        if (r.assignee() != null) {
            data.put("assignee", r.assignee());
        }
        data.put("status", r.status());
        data.put("receivedAt", r.receivedAt().toString());
        data.put("dueDate", r.deadline().dueDate().toString());
        data.put("dueAt", r.deadline().dueAt().toString());
        data.put("extended", r.extended());
        data.put("identityVerified", r.identityVerified());
        data.put("openTasks", r.openTasks());
        data.put("responseSent", r.responseSentAt() != null);
        if (r.closedAt() != null) {
            data.put("closedAt", r.closedAt().toString());
            data.put("outcome", r.outcome());
        }
        data.put("personalDataPurged", r.purgedAt() != null);
        return new Resource(TYPE, r.id().toString(), data);
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
