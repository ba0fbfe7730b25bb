package dev.attest.audits;

import java.time.Instant;
import java.util.List;

/**
 * A version of the Statement of Applicability. A draft is edited; an approved version is frozen,
 * so a change after approval needs a new version. The approver is never the last editor.
 *
 * @param status {@code draft} or {@code approved}
 */
public record SoaVersion(int version, String status, String editedBy, Instant editedAt, String approvedBy, Instant approvedAt,
                         List<SoaEntry> entries) {

    public SoaVersion {
        entries = List.copyOf(entries);
    }

    public boolean approved() {
        return "approved".equals(status);
    }
}
