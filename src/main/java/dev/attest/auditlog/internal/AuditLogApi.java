package dev.attest.auditlog.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.auditlog.AuditCheckpoint;
import dev.attest.auditlog.AuditEntry;
import dev.attest.auditlog.AuditFilter;
import dev.attest.auditlog.AuditTrail;
import dev.attest.auditlog.ChainVerification;
import dev.attest.identity.CurrentUser;
import dev.attest.crypto.CheckpointFields;
import dev.attest.web.CsvWriter;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "Audit log", description = "The workspace's append-only, hash-chained audit trail")
@RequiredArgsConstructor
class AuditLogApi {

    static final String[] CSV_HEADER = {"seq", "occurredAt", "actor", "action", "target", "summary", "address", "userAgent",
            "previousHash", "hash"};

    private final AuditTrail trail;
    private final AuditStore store;
    private final AuditCheckpoints checkpoints;
    private final JsonMapper json;
    private final java.time.Clock clock;

    record Page(List<AuditEntry> entries, int page, int size, long total) {
    }

    @GetMapping
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Entries newest first; filters: actor, action (whole or a module), target (whole or 'kind:'), from, to; paged")
    Page list(CurrentUser user, @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
              @RequestParam(required = false) String target, @RequestParam(required = false) String from,
              @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
              @RequestParam(required = false) Integer size) {
        AuditFilter filter = AuditQuery.filter(actor, action, target, from, to);
        int p = AuditQuery.page(page);
        int s = AuditQuery.size(size);
        return new Page(trail.entries(user.workspaceId(), filter, p, s), p, s, trail.count(user.workspaceId(), filter));
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Every matching entry, oldest first, as CSV (format=csv, the default) or a JSON array (format=json); "
            + "format=chain is the whole trail with its signed checkpoints, one JSON object a line, for verify-audit-log")
    void export(CurrentUser user, @RequestParam(required = false) String format, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        String f = format == null || format.isBlank() ? "csv" : format.strip();
        if (!f.equals("csv") && !f.equals("json") && !f.equals("chain")) {
            throw new InvalidFieldException("format", "must be csv, json or chain");
        }
        if (f.equals("chain")) {
            // the verifiable export is the whole chain: a filtered one could not be checked link by link
            for (var filter : new String[][]{{"actor", actor}, {"action", action}, {"target", target}, {"from", from}, {"to", to}}) {
                if (filter[1] != null && !filter[1].isBlank()) {
                    throw new InvalidFieldException(filter[0], "the chain export holds the whole trail: leave out the filters");
                }
            }
            response.setContentType("application/x-ndjson");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.chain.jsonl\"");
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            AuditTrailExport.write(out, json, user.workspaceId().value(), store, checkpoints, clock.instant());
            out.flush();
            return;
        }
        AuditFilter filter = AuditQuery.filter(actor, action, target, from, to);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log." + f + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (f.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            writeCsv(trail, user, filter, out);
        } else {
            response.setContentType("application/json");
            out.write('[');
            var first = new boolean[]{true};
            trail.each(user.workspaceId(), filter, e -> {
                try {
                    if (!first[0]) {
                        out.write(',');
                    }
                    first[0] = false;
                    out.write(json.writeValueAsString(e));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            out.write(']');
        }
        out.flush();
    }

    /** The matching entries, oldest first, as CSV: the API's export and the page's download write the same. */
    static void writeCsv(AuditTrail trail, CurrentUser user, AuditFilter filter, Writer out) {
        CsvWriter csv = new CsvWriter(out).row((Object[]) CSV_HEADER);
        trail.each(user.workspaceId(), filter, e -> csv.row(e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.summary(),
                e.address(), e.userAgent(), e.previousHash(), e.hash()));
    }

    @GetMapping("/verify")
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Recompute the workspace's hash chain from the first entry and check its signed checkpoints; names the first "
            + "broken link, if any")
    ChainVerification verify(CurrentUser user) {
        return trail.verify(user.workspaceId());
    }

    @PostMapping(value = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Verify the trail and prove it extends earlier checkpoints (a checkpoint's JSON from GET /checkpoint, or an "
            + "array of them); a trail cut short or rewritten fails")
    ChainVerification verifyAgainst(CurrentUser user, @RequestBody(required = false) JsonNode body) {
        return trail.verify(user.workspaceId(), CheckpointFields.read(body, user.workspaceId().toString(), AuditCheckpoint::new));
    }

    record CheckpointKey(String algorithm, String fingerprint) {
    }

    @GetMapping("/checkpoint")
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "The newest signed checkpoint of the trail (count, hash, time, key id, signature): keep a copy to verify against")
    AuditCheckpoint checkpoint(CurrentUser user) {
        return trail.latestCheckpoint(user.workspaceId()).orElseThrow(() -> new NotFoundException("The trail has no signed checkpoint yet"));
    }

    @GetMapping("/key")
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "The fingerprint of the key that signs the trail's checkpoints (derived from the operator's master key)")
    CheckpointKey key(CurrentUser user) {
        return new CheckpointKey("Ed25519", trail.checkpointKeyFingerprint(user.workspaceId()));
    }
}
