package dev.attest.privacy;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * One fact in the privacy module, a record each, for the audit trail and any listener. A record
 * carries its facts and its trail name ({@link dev.attest.identity.RecordedAs}); what the facts of
 * one data-subject request share (their target) is said once, in {@link OfRequest}.
 */
public sealed interface PrivacyEvent extends WorkspaceEvent
        permits PrivacyEvent.OfRequest, ProcessingRecordSaved, CustomerAgreementRecorded {

    /** A fact about one data-subject request: its target is the request, by its reference. */
    sealed interface OfRequest extends PrivacyEvent
            permits DataSubjectRequestReceived, DeadlineExtended, RequestAssigned, IdentityVerified, SystemTaskAdded,
            SystemTaskDone, ResponseSent, DataSubjectRequestClosed, DataSubjectDataPurged {

        /** The request the fact is about. */
        UUID requestId();

        /** The request's reference, as the requester and the staff know it. */
        String reference();

        @Override
        default String target() {
            return "privacy-request:" + reference();
        }
    }
}
