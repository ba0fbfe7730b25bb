package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A signed customer DPA or BAA was entered in the register. */
@RecordedAs("privacy.agreement-recorded")
public record CustomerAgreementRecorded(WorkspaceId workspaceId, String actor, UUID agreementId, String customer,
                                        String kind, String version) implements PrivacyEvent {

    @Override
    public String target() {
        return "customer-agreement:" + agreementId;
    }

    @Override
    public String summary() {
        return kind.toUpperCase(java.util.Locale.ROOT) + " version " + version + " signed by " + customer;
    }
}
