package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.PolicyStateException;
import dev.attest.policies.PolicyVersion;
import dev.attest.policies.VersionStatus;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Published policies as PDF: one version, or the whole published set with a table of contents. */
@Service
@RequiredArgsConstructor
public class PolicyExport {

    private final PolicyRegister register;
    private final PolicySettings settings;
    private final PolicyPdf pdf;
    private final Clock clock;

    /** A published version with its version, approver and dates; other versions are refused. */
    @Transactional(readOnly = true)
    public byte[] version(WorkspaceId workspace, UUID id, int number) {
        PolicyVersion v = register.version(workspace, id, number);
        if (v.status() != VersionStatus.PUBLISHED) {
            throw new PolicyStateException("Only a published version is exported; version " + number + " is "
                    + v.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        return pdf.version(new PolicyPdf.Entry(register.require(workspace, id), v), company(workspace));
    }

    /** Every policy's current published version in one PDF. */
    @Transactional(readOnly = true)
    public byte[] publishedSet(WorkspaceId workspace) {
        List<PolicyPdf.Entry> entries = register.list(workspace).stream().filter(s -> s.current() != null)
                .map(s -> new PolicyPdf.Entry(s.policy(), s.current())).toList();
        return pdf.set(entries, company(workspace), clock.instant());
    }

    private String company(WorkspaceId workspace) {
        return settings.settings(workspace).get("company_name");
    }
}
