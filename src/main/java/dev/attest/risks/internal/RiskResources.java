package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
import dev.attest.monitoring.ResourceSource;
import dev.attest.risks.Risk;
import dev.attest.risks.RiskRegister;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
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
        return new ResourceData()
                .put("id", r.id().toString())
                .put("title", r.title())
                .optional("description", r.description())
                .put("category", r.category())
                .put("owner", r.owner())
                .put("inherentLikelihood", (long) r.inherentLikelihood())
                .put("inherentImpact", (long) r.inherentImpact())
                .put("inherentScore", (long) r.inherentScore())
                .put("residualLikelihood", (long) r.residualLikelihood())
                .put("residualImpact", (long) r.residualImpact())
                .put("residualScore", (long) r.residualScore())
                .put("residualLevel", Risk.level(r.residualScore()))
                .name("treatment", r.treatment())
                .optional("acceptanceApprover", r.acceptanceApprover())
                .startOf("acceptanceExpiresAt", r.acceptanceExpiresOn())
                .put("controls", List.copyOf(r.controls()))
                .put("reviewedOn", r.reviewedOn().toString())
                .startOf("reviewedAt", r.reviewedOn())
                .startOf("nextReviewAt", r.nextReviewOn())
                .resource(TYPE, r.id().toString());
    }
}
