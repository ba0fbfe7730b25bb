package dev.attest.audits.internal;

import dev.attest.crypto.Digests;
import dev.attest.audits.Audit;
import dev.attest.audits.AuditPackageExported;
import dev.attest.audits.AuditRequest;
import dev.attest.audits.Sample;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The audit package: one ZIP, written as a stream (evidence is copied from the store to the client
 * a buffer at a time, never held whole), with the audit, the SoA or control matrix, the populations
 * and samples with their seeds, the requests with their evidence, the findings, the segment of the
 * ledger for the period (continued to the newest signed checkpoint, which the package also carries, so
 * that a verifier proves the segment extends it), and last a manifest naming every file, its SHA-256 and
 * its ledger entry. {@code java -jar attest.jar verify-package FILE [--key FINGERPRINT]} checks it offline.
 */
@Service
@RequiredArgsConstructor
class AuditPackages {

    static final String MANIFEST = "manifest.json";
    static final String LEDGER = "ledger/ledger-segment.txt";
    static final String CHECKPOINT = "ledger/checkpoint.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One file of the package as the manifest lists it; {@code ledgerSeq} for evidence, else null. */
    record ManifestEntry(String path, String sha256, long size, Long ledgerSeq) {
    }

    /** What the package will hold, gathered (and checked) before the first byte is sent. */
    record Contents(WorkspaceId workspace, String workspaceName, Audit audit, List<EvidenceItem> evidence, List<AuditRequest> requests,
                    List<Sample> samples, LedgerCheckpoint checkpoint) {
    }

    private final AuditorAccess access;
    private final AuditMaterial material;
    private final AuditRequestStore requests;
    private final SampleStore samples;
    private final FindingStore findings;
    private final Populations populations;
    private final SoaStore soaStore;
    private final EvidenceLocker evidence;
    private final ApplicationEventPublisher events;

    /** Checks the audit can be packaged (it has evidence) and records the download; a refusal is a 400 naming {@code evidence}. */
    Contents prepare(CurrentUser user, UUID id) {
        Audit audit = access.readable(user, id, "audit package");
        WorkspaceId workspace = user.workspaceId();
        List<AuditRequest> list = requests.list(workspace, audit.id());
        Map<UUID, EvidenceItem> items = new LinkedHashMap<>();
        for (AuditRequest r : list) {
            for (AuditRequest.AttachedEvidence e : r.evidence()) {
                items.putIfAbsent(e.evidenceId(), evidence.get(workspace, e.evidenceId()));
            }
        }
        material.inPeriod(workspace, audit).forEach(item -> items.putIfAbsent(item.id(), item));
        if (items.isEmpty()) {
            throw new InvalidFieldException("evidence", "the audit has no evidence yet: attach some to its requests, or collect it within "
                    + audit.periodText());
        }
        // Sign the head as it is now: the package's segment ends at this checkpoint, so it covers every entry the evidence names.
        evidence.checkpoint(workspace);
        LedgerCheckpoint checkpoint = evidence.latestCheckpoint(workspace)
                .orElseThrow(() -> new IllegalStateException("a ledger with evidence has a signed checkpoint once its head is signed"));
        events.publishEvent(new AuditPackageExported(workspace, user.actor(), audit.id()));
        return new Contents(workspace, user.workspaceName(), audit, List.copyOf(items.values()), list, samples.list(workspace, audit.id()),
                checkpoint);
    }

    /** Writes the ZIP to the stream. */
    void write(Contents c, OutputStream out) throws IOException {
        List<ManifestEntry> manifest = new ArrayList<>();
        Audit audit = c.audit();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, manifest, "audit.json", null, JSON.writeValueAsBytes(audit));
            if ("iso27001".equals(audit.framework())) {
                var latest = soaStore.latest(c.workspace());
                if (latest.isPresent()) {
                    put(zip, manifest, "statement-of-applicability.csv", null, SoaDocuments.csv(latest.get().version()).getBytes(StandardCharsets.UTF_8));
                }
            }
            put(zip, manifest, "control-matrix.csv", null, material.matrixCsv(c.workspace(), audit).getBytes(StandardCharsets.UTF_8));
            Set<String> sampled = new LinkedHashSet<>();
            for (Sample s : c.samples()) {
                sampled.add(s.population() + (s.control() == null ? "" : "@" + s.control()));
            }
            for (String key : sampled) {
                String[] parts = key.split("@");
                Population p = populations.of(c.workspace(), audit, parts[0], parts.length > 1 ? parts[1] : null);
                put(zip, manifest, "populations/" + key.replace('@', '-') + ".csv", null, p.csv().getBytes(StandardCharsets.UTF_8));
            }
            put(zip, manifest, "samples.json", null, JSON.writeValueAsBytes(c.samples()));
            put(zip, manifest, "requests.csv", null, RequestCsv.write(c.requests()).getBytes(StandardCharsets.UTF_8));
            put(zip, manifest, "requests.json", null, JSON.writeValueAsBytes(c.requests()));
            put(zip, manifest, "findings.json", null, JSON.writeValueAsBytes(findings.list(c.workspace(), audit.id())));
            put(zip, manifest, "evidence.json", null, JSON.writeValueAsBytes(c.evidence()));
            for (EvidenceItem item : c.evidence()) {
                try (InputStream content = evidence.content(c.workspace(), item.id())) {
                    stream(zip, manifest, "evidence/" + item.sha256(), item.ledgerSeq(), target -> content.transferTo(target));
                }
            }
            long firstNeeded = c.evidence().stream().mapToLong(EvidenceItem::ledgerSeq).min().orElse(c.checkpoint().count());
            stream(zip, manifest, LEDGER, null, target -> {
                Writer writer = new OutputStreamWriter(target, StandardCharsets.UTF_8);
                evidence.exportLedgerSegment(c.workspace(), audit.periodStart().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                        firstNeeded, c.checkpoint(), writer);
                writer.flush();
            });
            put(zip, manifest, CHECKPOINT, null, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(c.checkpoint()));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("format", "attest-audit-package 1",
                    "audit", audit.id().toString(), "workspace", c.workspaceName(), "period", audit.periodText(), "files", manifest)));
            zip.closeEntry();
        }
    }

    private static void put(ZipOutputStream zip, List<ManifestEntry> manifest, String path, Long seq, byte[] bytes) throws IOException {
        stream(zip, manifest, path, seq, target -> target.write(bytes));
    }

    interface Body {
        void writeTo(OutputStream target) throws IOException;
    }

    /** Writes one entry through a digest, so its SHA-256 is known without holding it. */
    private static void stream(ZipOutputStream zip, List<ManifestEntry> manifest, String path, Long seq, Body body) throws IOException {
        MessageDigest digest = sha256();
        long[] size = {0};
        zip.putNextEntry(new ZipEntry(path));
        OutputStream target = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                digest.update((byte) b);
                size[0]++;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digest.update(b, off, len);
                size[0] += len;
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // The entry is closed below; the ZIP stays open.
            }
        };
        body.writeTo(target);
        target.flush();
        zip.closeEntry();
        manifest.add(new ManifestEntry(path, HexFormat.of().formatHex(digest.digest()), size[0], seq));
    }

    static MessageDigest sha256() {
        return Digests.sha256();
    }
}
