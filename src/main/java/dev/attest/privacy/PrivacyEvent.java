package dev.attest.privacy;

import dev.attest.identity.WorkspaceEvent;

/** A state change in the privacy module, for the audit trail. */
public sealed interface PrivacyEvent extends WorkspaceEvent
        permits DataSubjectRequestReceived, DataSubjectRequestChanged, DataSubjectRequestClosed,
        DataSubjectDataPurged, ProcessingRecordSaved, CustomerAgreementRecorded {
}
