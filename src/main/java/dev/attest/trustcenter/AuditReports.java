package dev.attest.trustcenter;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * Where a completed audit lands on the Trust Center: its signed report becomes a gated document and
 * the certification entry for its framework takes the report's status, period and auditor. Both go
 * into the draft (and the public site when asked), in the caller's transaction.
 */
public interface AuditReports {

    /**
     * @param certification the entry to set; an entry with the same framework name is replaced, else it is added
     * @param kind          the document kind, e.g. {@code soc2-report}, {@code iso-certificate}
     * @param publish       whether to publish the draft at once
     * @return the gated document's id
     */
    UUID recordReport(WorkspaceId workspace, Certification certification, String title, String kind, String fileName, byte[] pdf,
                      boolean publish, String actor);
}
