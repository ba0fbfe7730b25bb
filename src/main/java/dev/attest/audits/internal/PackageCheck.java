package dev.attest.audits.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerExportVerifier;
import dev.attest.evidence.LedgerVerification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an audit package offline, in this order: every file against its manifest entry (none
 * missing, none extra), the ledger segment's hash chain and signed checkpoints and that it extends
 * the signed checkpoint the package carries (against the pinned key, when given), every evidence file
 * against its ledger entry, and every sample re-drawn from its population in the package.
 */
public final class PackageCheck {

    /** The outcome: whether it verified, and what was found (the first file that does not match, when not). */
    public record Result(boolean valid, String message) {
    }

    private PackageCheck() {
    }

    public static Result verify(Path file) throws IOException {
        return verify(file, Set.of());
    }

    /**
     * @param pinnedFingerprints the ledger key fingerprints the auditor pins ({@code --key}); empty checks the
     *                           package's checkpoint against the key the package names, which proves consistency only
     */
    public static Result verify(Path file, Set<String> pinnedFingerprints) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(AuditPackages.MANIFEST);
            if (manifestEntry == null) {
                return new Result(false, AuditPackages.MANIFEST + " is missing: this is not an audit package");
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = json.readTree(in);
            }
            Map<String, JsonNode> listed = new HashMap<>();
            for (JsonNode f : manifest.get("files")) {
                listed.put(f.get("path").asString(), f);
            }
            Set<String> present = new LinkedHashSet<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.equals(AuditPackages.MANIFEST)) {
                    present.add(name);
                    if (!listed.containsKey(name)) {
                        return new Result(false, name + " is in the package but not in its manifest");
                    }
                }
            }
            for (JsonNode f : manifest.get("files")) {
                String path = f.get("path").asString();
                ZipEntry entry = zip.getEntry(path);
                if (entry == null) {
                    return new Result(false, path + " is in the manifest but missing from the package");
                }
                String actual;
                try (InputStream in = zip.getInputStream(entry)) {
                    actual = sha256(in);
                }
                if (!actual.equals(f.get("sha256").asString())) {
                    return new Result(false, path + " does not match its manifest entry (SHA-256 " + actual + ", manifest says "
                            + f.get("sha256").asString() + ")");
                }
            }
            String ledgerSummary;
            Path ledger = Files.createTempFile("attest-package-ledger", ".txt");
            try {
                try (InputStream in = zip.getInputStream(zip.getEntry(AuditPackages.LEDGER))) {
                    Files.copy(in, ledger, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                ZipEntry checkpointEntry = zip.getEntry(AuditPackages.CHECKPOINT);
                if (checkpointEntry == null) {
                    return new Result(false, AuditPackages.CHECKPOINT + " is missing: the package carries no signed checkpoint for its ledger segment");
                }
                LedgerCheckpoint checkpoint;
                try (InputStream in = zip.getInputStream(checkpointEntry)) {
                    checkpoint = json.readValue(in, LedgerCheckpoint.class);
                } catch (tools.jackson.core.JacksonException e) {
                    return new Result(false, AuditPackages.CHECKPOINT + " is not a checkpoint: " + e.getOriginalMessage());
                }
                if (!checkpoint.invalidFields().isEmpty()) {
                    return new Result(false, AuditPackages.CHECKPOINT + " is not a valid checkpoint: " + checkpoint.invalidFields());
                }
                LedgerVerification chain = LedgerExportVerifier.verify(ledger, pinnedFingerprints, List.of(checkpoint),
                        "the package's signed checkpoint");
                if (!chain.valid()) {
                    return new Result(false, AuditPackages.LEDGER + " does not verify: " + chain.message());
                }
                ledgerSummary = chain.message();
                Map<Long, String> shaBySeq = new HashMap<>();
                for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    if (fields.length == 7 && fields[0].equals("E")) {
                        shaBySeq.put(Long.parseLong(fields[1]), fields[5]);
                    }
                }
                for (JsonNode f : manifest.get("files")) {
                    if (f.hasNonNull("ledgerSeq")) {
                        long seq = f.get("ledgerSeq").asLong();
                        if (!f.get("sha256").asString().equals(shaBySeq.get(seq))) {
                            return new Result(false, f.get("path").asString() + " does not match its ledger entry " + seq);
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(ledger);
            }
            String samples = redrawSamples(zip, json);
            if (samples != null) {
                return new Result(false, samples);
            }
            return new Result(true, present.size() + " files match the manifest, every sample re-draws from its seed, and the "
                    + ledgerSummary.replaceFirst("^ledger ", "ledger ") + (pinnedFingerprints.isEmpty()
                    ? " (checked against the key the package names: pin the workspace's key with --key FINGERPRINT to prove whose it is)" : ""));
        }
    }

    /** Null when every sample re-draws to its recorded items, else what does not. */
    private static String redrawSamples(ZipFile zip, JsonMapper json) throws IOException {
        ZipEntry entry = zip.getEntry("samples.json");
        if (entry == null) {
            return null;
        }
        JsonNode samples;
        try (InputStream in = zip.getInputStream(entry)) {
            samples = json.readTree(in);
        }
        for (JsonNode s : samples) {
            String name = s.get("population").asString() + (s.hasNonNull("control") ? "-" + s.get("control").asString() : "");
            ZipEntry population = zip.getEntry("populations/" + name + ".csv");
            if (population == null) {
                return "samples.json: the population of sample " + s.get("id").asString() + " is not in the package";
            }
            byte[] csv;
            try (InputStream in = zip.getInputStream(population)) {
                csv = in.readAllBytes();
            }
            if (!Population.sha256(csv).equals(s.get("populationHash").asString())) {
                // The population changed since the draw; the recorded hash still identifies the one drawn from.
                continue;
            }
            List<String> ids = new ArrayList<>();
            new String(csv, StandardCharsets.UTF_8).lines().skip(1).forEach(line -> ids.add(firstCell(line)));
            List<String> recorded = new ArrayList<>();
            s.get("items").forEach(i -> recorded.add(i.asString()));
            if (!SampleDraw.draw(ids, s.get("size").asInt(), s.get("seed").asLong()).equals(recorded)) {
                return "samples.json: sample " + s.get("id").asString() + " does not re-draw to its recorded items from seed " + s.get("seed").asLong();
            }
        }
        return null;
    }

    private static String firstCell(String line) {
        if (line.startsWith("\"")) {
            int end = line.indexOf("\",");
            return line.substring(1, end < 0 ? line.length() - 1 : end).replace("\"\"", "\"");
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = AuditPackages.sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
