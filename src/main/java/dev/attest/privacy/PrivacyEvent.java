package dev.attest.privacy;

import dev.attest.identity.WorkspaceEvent;

/** One fact in the privacy module, a record each, for the audit trail and any listener. */
public sealed interface PrivacyEvent extends WorkspaceEvent
        permits DataSubjectRequestReceived, DeadlineExtended, RequestAssigned, IdentityVerified, SystemTaskAdded, SystemTaskDone,
        ResponseSent, DataSubjectRequestClosed,
        DataSubjectDataPurged, ProcessingRecordSaved, CustomerAgreementRecorded {
}
