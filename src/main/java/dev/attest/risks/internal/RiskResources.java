package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskRegister;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Offers each risk to monitoring as a {@code risks.risk} resource, for checks such as the yearly review. */
@Component
@RequiredArgsConstructor
class RiskResources implements ResourceSource {

    static final String TYPE = "risks.risk";

    private final RiskRegister register;

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        return register.list(workspace).stream().map(RiskResources::resource).toList();
    }

    static Resource resource(Risk r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", r.id().toString());
        data.put("title", r.title());
        if (r.description() != null) {
            data.put("description", r.description());
        }
        data.put("category", r.category());
        data.put("owner", r.owner());
        data.put("inherentLikelihood", (long) r.inherentLikelihood());
        data.put("inherentImpact", (long) r.inherentImpact());
        data.put("inherentScore", (long) r.inherentScore());
        data.put("residualLikelihood", (long) r.residualLikelihood());
        data.put("residualImpact", (long) r.residualImpact());
        data.put("residualScore", (long) r.residualScore());
        data.put("residualLevel", Risk.level(r.residualScore()));
        data.put("treatment", r.treatment().wireName());
        // Fields without a value are left out, so that checks test them with has().
        if (r.acceptanceApprover() != null) {
            data.put("acceptanceApprover", r.acceptanceApprover());
        }
        if (r.acceptanceExpiresOn() != null) {
            data.put("acceptanceExpiresAt", r.acceptanceExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        }
        data.put("controls", List.copyOf(r.controls()));
        data.put("reviewedOn", r.reviewedOn().toString());
        // Checks compare times through CEL's timestamp(), which needs a full RFC 3339 time.
        data.put("reviewedAt", r.reviewedOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        data.put("nextReviewAt", r.nextReviewOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        return new Resource(TYPE, r.id().toString(), data);
    }
}
