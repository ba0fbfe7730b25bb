package dev.attest.vendors.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.vendors.Vendors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.List;

/** Each vendor's next review, for the obligations calendar: yearly for high risk, less often below. */
@Component
@RequiredArgsConstructor
class VendorReviews implements ObligationSource {

    private final Vendors vendors;

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        return vendors.list(workspace).stream()
                .map(v -> new Obligation("vendors:review:" + v.id(), "vendor-review",
                        "Review vendor " + v.name() + " (" + v.riskTier().wireName() + " risk)", v.details().owner(),
                        v.nextReviewOn().atStartOfDay().toInstant(ZoneOffset.UTC), "/vendors/" + v.id()))
                .toList();
    }
}
