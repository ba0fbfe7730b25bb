package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A signed customer DPA or BAA was entered in the register. */
public record CustomerAgreementRecorded(WorkspaceId workspaceId, String actor, UUID agreementId, String customer,
                                        String kind, String version) implements PrivacyEvent {

    @Override
    public String action() {
        return "privacy.agreement-recorded";
    }

    @Override
    public String target() {
        return "customer-agreement:" + agreementId;
    }

    @Override
    public String summary() {
        return kind.toUpperCase(java.util.Locale.ROOT) + " version " + version + " signed by " + customer;
    }
}
