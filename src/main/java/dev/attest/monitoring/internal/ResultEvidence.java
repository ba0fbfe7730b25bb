package dev.attest.monitoring.internal;

import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.CheckResult;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Results as evidence in the ledger: each write of a run keeps what it changed (results that
 * appeared, flipped or went away; findings opened and closed), and a full snapshot of every latest
 * result is kept at most once per {@code attest.monitoring.snapshot-interval}. The two together
 * give the status at any past time: the latest snapshot before it, then every change up to it.
 */
@Component
@RequiredArgsConstructor
public class ResultEvidence {

    static final String KIND = "check-results";
    /** Reads one entry of a results array at a time from a streaming parser. */
    private static final tools.jackson.databind.ObjectReader ENTRY = Documents.JSON.readerFor(LinkedHashMap.class)
            .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final EvidenceLocker evidence;
    private final ResultStore results;
    private final JdbcClient jdbc;

    /** Keeps what a write changed as evidence; gives its id, or null when it changed nothing. */
    public UUID delta(WorkspaceId workspace, String trigger, Instant at, RunWriter.Changes changes, List<String> controlKeys) {
        if (!changes.hasEvidence()) {
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("workspace", workspace.toString());
        document.put("evaluatedAt", at.toString());
        document.put("trigger", trigger);
        document.put("kind", "delta");
        document.put("results", changes.flipped);
        document.put("findingsOpened", changes.openedIds);
        document.put("findingsClosed", changes.closedIds);
        UUID id = store(workspace, "Check results changed " + at.truncatedTo(ChronoUnit.SECONDS), controlKeys,
                out -> Documents.JSON.writeValue(out, document));
        record(workspace, at, "delta", id);
        changes.evidenceWritten();
        return id;
    }

    /** Whether the latest snapshot is older than {@code interval} (or there is none). */
    public boolean snapshotDue(WorkspaceId workspace, Instant now, java.time.Duration interval) {
        Optional<OffsetDateTime> last = jdbc.sql("select max(recorded_at) from monitoring_result_evidence where workspace_id = ? and kind = 'snapshot'")
                .param(workspace.value()).query(OffsetDateTime.class).optional();
        return last.isEmpty() || !last.get().toInstant().plus(interval).isAfter(now);
    }

    /** Keeps every latest result as evidence, streamed from the database through a gzipped file. */
    public UUID snapshot(WorkspaceId workspace, String trigger, Instant at, Map<String, List<String>> checksByType) {
        int[] count = {0};
        Set<String> checkKeys = new TreeSet<>();
        UUID id = store(workspace, "Check results snapshot " + at.truncatedTo(ChronoUnit.SECONDS), List.of(), out -> {
            try (JsonGenerator json = Documents.JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringProperty("workspace", workspace.toString());
                json.writeStringProperty("evaluatedAt", at.toString());
                json.writeStringProperty("trigger", trigger);
                json.writeStringProperty("kind", "snapshot");
                json.writeArrayPropertyStart("results");
                results.forEach(workspace, checksByType, r -> {
                    json.writeStartObject();
                    json.writeStringProperty("checkKey", r.checkKey());
                    json.writeStringProperty("resourceType", r.resourceType());
                    json.writeStringProperty("resourceId", r.resourceId());
                    json.writeStringProperty("outcome", r.outcome());
                    json.writeEndObject();
                    checkKeys.add(r.checkKey());
                    count[0]++;
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        });
        record(workspace, at, "snapshot", id);
        return id;
    }

    private UUID store(WorkspaceId workspace, String title, List<String> controlKeys, Writer content) {
        Path file = null;
        try {
            file = Files.createTempFile("attest-results-", ".json.gz");
            try (OutputStream out = fastGzip(Files.newOutputStream(file))) {
                content.write(out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                EvidenceItem item = evidence.addGenerated(workspace, new NewEvidence(KIND, title, "check-results.json.gz", "application/gzip",
                        controlKeys, null, "system"), in);
                return item.id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp folder
                }
            }
        }
    }

    /** Gzip at its fastest level: a run's evidence is written on the push's path, and level 1 is several times faster than the default. */
    private static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        };
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void record(WorkspaceId workspace, Instant at, String kind, UUID evidenceId) {
        long seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from monitoring_result_evidence where workspace_id = ?")
                .param(workspace.value()).query(Long.class).single();
        jdbc.sql("insert into monitoring_result_evidence (workspace_id, recorded_at, seq, kind, evidence_id) values (?, ?, ?, ?, ?)")
                .params(workspace.value(), at.atOffset(ZoneOffset.UTC), seq, kind, evidenceId).update();
    }

    /** One check's reconstructed tally, and (when asked for a check or a resource) each result. */
    public record PastStatus(Instant time, UUID snapshot, int changes, Map<String, int[]> tallies, Map<String, String> results) {
    }

    /**
     * The status at {@code time} rebuilt from evidence alone: the latest snapshot at or before it,
     * then every change recorded up to it, in order. With a check or a resource, each result that
     * matches is kept too; without, only counts (so memory does not grow with the estate).
     */
    public PastStatus statusAt(WorkspaceId workspace, Instant time, String checkKey, String resourceId) {
        record Row(long seq, String kind, UUID evidenceId) {
        }
        OffsetDateTime until = time.atOffset(ZoneOffset.UTC);
        Optional<Row> snapshot = jdbc.sql("select seq, kind, evidence_id from monitoring_result_evidence where workspace_id = ? "
                        + "and kind = 'snapshot' and recorded_at <= ? order by seq desc limit 1")
                .params(workspace.value(), until).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class))).optional();
        List<Row> deltas = jdbc.sql("select seq, kind, evidence_id from monitoring_result_evidence where workspace_id = ? "
                        + "and kind = 'delta' and recorded_at <= ? and seq > ? order by seq")
                .params(workspace.value(), until, snapshot.map(Row::seq).orElse(0L))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class))).list();
        Map<String, int[]> tallies = new TreeMap<>();
        Map<String, String> matching = new TreeMap<>();
        boolean keepResults = checkKey != null || resourceId != null;
        Consumer<Map<String, Object>> apply = entry -> {
            String check = (String) entry.get("checkKey");
            if (Boolean.TRUE.equals(entry.get("dropped"))) {
                tallies.remove(check);
                matching.keySet().removeIf(pair -> pair.startsWith(check + "\u0000"));
                return;
            }
            String was = (String) entry.get("was");
            String outcome = (String) entry.get("outcome");
            // one entry per result, or one for the same change of a check's result on many resources
            List<?> many = entry.get("resourceIds") instanceof List<?> ids ? ids : null;
            int n = many == null ? 1 : many.size();
            if (was != null) {
                RunWriter.count(tallies, check, was, -n);
            }
            if (outcome != null) {
                RunWriter.count(tallies, check, outcome, n);
            }
            if (keepResults && (checkKey == null || checkKey.equals(check))) {
                for (Object each : many == null ? List.of(String.valueOf(entry.get("resourceId"))) : many) {
                    String id = String.valueOf(each);
                    if (resourceId != null && !resourceId.equals(id)) {
                        continue;
                    }
                    if (outcome == null) {
                        matching.remove(ResultStore.pair(check, id));
                    } else {
                        matching.put(ResultStore.pair(check, id), outcome);
                    }
                }
            }
        };
        snapshot.ifPresent(row -> {
            read(workspace, row.evidenceId(), entry -> {
                entry.put("was", null);
                apply.accept(entry);
            });
        });
        for (Row row : deltas) {
            read(workspace, row.evidenceId(), apply);
        }
        tallies.values().removeIf(t -> t[0] <= 0 && t[1] <= 0);
        return new PastStatus(time, snapshot.map(Row::evidenceId).orElse(null), deltas.size(), tallies, matching);
    }

    @SuppressWarnings("unchecked")
    private void read(WorkspaceId workspace, UUID evidenceId, Consumer<Map<String, Object>> entries) {
        try (InputStream in = new GZIPInputStream(evidence.content(workspace, evidenceId), 1 << 16);
             JsonParser parser = Documents.JSON.createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("results".equals(name)) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        entries.accept(ENTRY.readValue(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
