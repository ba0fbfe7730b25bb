package dev.attest.evidence;

import dev.attest.evidence.internal.LedgerFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier on exports written here by the format's rules, then damaged one way at a time. */
class LedgerExportVerifierTest {

    private static final String AT = "2026-11-27T08:00:00.000Z";

    @TempDir
    Path folder;

    private final KeyPair keys = keyPair();
    private final String workspace = UUID.randomUUID().toString();

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An export of {@code entries} entries with a checkpoint after every {@code every}-th; kinds may be any text. */
    private String export(int entries, int every, String kind) throws GeneralSecurityException {
        StringBuilder out = new StringBuilder(LedgerFormat.HEADER + "\nworkspace\t" + workspace + "\npublic-key\tk1\t"
                + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n");
        String previous = LedgerFormat.GENESIS;
        for (int seq = 1; seq <= entries; seq++) {
            String fields = LedgerFormat.entryFields(seq, AT, new UUID(0, seq).toString(), kind, String.format("%064x", seq));
            previous = LedgerFormat.entryHash(previous, fields);
            out.append("E\t").append(fields).append('\t').append(previous).append('\n');
            if (seq % every == 0) {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(keys.getPrivate());
                signer.update(LedgerFormat.checkpointMessage(workspace, seq, previous, AT));
                out.append("C\t").append(seq).append('\t').append(previous).append('\t').append(AT).append("\tk1\t")
                        .append(Base64.getEncoder().encodeToString(signer.sign())).append('\n');
            }
        }
        return out.toString();
    }

    private String export() throws GeneralSecurityException {
        return export(10, 3, "upload");
    }

    private LedgerVerification verify(byte[] bytes) throws IOException {
        Path file = folder.resolve("ledger-" + UUID.randomUUID() + ".txt");
        Files.write(file, bytes);
        return LedgerExportVerifier.verify(file);
    }

    private LedgerVerification verify(String text) throws IOException {
        return verify(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The line number (from 1) of the first line starting with the prefix. */
    private static int lineOf(String export, String prefix) {
        String[] lines = export.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(prefix);
    }

    /** Replaces the character at an offset within the first line starting with the prefix. */
    private static String flip(String export, String prefix, int offset, char replacement) {
        int at = export.indexOf("\n" + prefix) + 1 + offset;
        assertThat(export.charAt(at)).isNotEqualTo(replacement);
        return export.substring(0, at) + replacement + export.substring(at + 1);
    }

    private static void assertFails(LedgerVerification result, String messageStart, long firstBadSeq, long entries, long checkpoints) {
        assertThat(result.valid()).isFalse();
        assertThat(result.message()).startsWith(messageStart);
        assertThat(result.firstBadSeq()).isEqualTo(firstBadSeq);
        assertThat(result.entries()).isEqualTo(entries);
        assertThat(result.checkpoints()).isEqualTo(checkpoints);
    }

    @Test
    void aWellFormedExportVerifiesWithItsCountsAndHead() throws Exception {
        String export = export();
        LedgerVerification result = verify(export);

        assertThat(result.valid()).as(result.message()).isTrue();
        assertThat(result.entries()).isEqualTo(10);
        assertThat(result.checkpoints()).isEqualTo(3);
        String last = export.lines().filter(l -> l.startsWith("E\t10\t")).findFirst().orElseThrow();
        assertThat(result.message()).isEqualTo("ledger verifies: 10 entries, 3 signed checkpoints, head " + last.substring(last.length() - 64));
    }

    @Test
    void crlfAndLoneCrLineEndsAndAMissingFinalNewlineAreAcceptedAsBefore() throws Exception {
        String export = export();
        assertThat(verify(export.replace("\n", "\r\n")).valid()).isTrue();
        assertThat(verify(export.replace("\n", "\r")).valid()).isTrue();
        assertThat(verify(export.substring(0, export.length() - 1)).valid()).isTrue();
        assertThat(verify(export.replace("\n", "\n\n")).valid()).as("blank lines are skipped").isTrue();
    }

    @Test
    void entriesWithTextBeyondAsciiHashTheirUtf8Bytes() throws Exception {
        LedgerVerification result = verify(export(5, 2, "Prüfbericht-証跡"));
        assertThat(result.valid()).as(result.message()).isTrue();
    }

    @Test
    void aFlippedByteInAnEntryHashNamesThatEntry() throws Exception {
        String export = export();
        LedgerVerification result = verify(flip(export, "E\t5\t", export.lines().filter(l -> l.startsWith("E\t5\t")).findFirst()
                .orElseThrow().length() - 1, 'x'));

        assertFails(result, "entry 5 does not match: its hash should be ", 5, 4, 1);
    }

    @Test
    void aFlippedByteInAFieldNamesThatEntry() throws Exception {
        String export = export();
        // the evidence id of entry 7: E, tab, "7", tab, the time, tab, then the id
        LedgerVerification result = verify(flip(export, "E\t7\t", 4 + AT.length() + 1 + 3, 'f'));

        assertThat(result.message()).startsWith("entry 7 does not match");
        assertThat(result.firstBadSeq()).isEqualTo(7);
    }

    @Test
    void aFlippedByteInAnEntryNumberIsAMissingEntry() throws Exception {
        String export = export();
        LedgerVerification result = verify(flip(export, "E\t4\t", 2, '8'));

        assertThat(result.message()).isEqualTo("entry 4 is missing (found entry 8 on line " + lineOf(export, "E\t4\t") + ")");
        assertThat(result.firstBadSeq()).isEqualTo(4);
    }

    @Test
    void aTruncatedFinalLineNamesTheLastEntry() throws Exception {
        String export = export();
        assertThat(export).endsWith("\n").doesNotContain("C\t10\t");
        LedgerVerification result = verify(export.substring(0, export.length() - 20));

        assertThat(result.message()).startsWith("entry 10 does not match");
        assertThat(result.firstBadSeq()).isEqualTo(10);
        assertThat(result.entries()).isEqualTo(9);
    }

    @Test
    void aCheckpointWithoutItsSignatureIsNotAValidCheckpoint() throws Exception {
        String export = export();
        String unsigned = export.replaceFirst("(C\t6\t[0-9a-f]{64}\t[^\t]+\tk1\t)[^\n]+\n", "$1\n");
        assertThat(unsigned).isNotEqualTo(export);
        assertThat(verify(unsigned).message()).isEqualTo("line " + lineOf(export, "C\t6\t") + " is not a valid checkpoint");

        String noField = export.replaceFirst("(C\t6\t[0-9a-f]{64}\t[^\t]+\tk1)\t[^\n]+\n", "$1\n");
        assertThat(verify(noField).message()).isEqualTo("line " + lineOf(export, "C\t6\t") + " is not a valid checkpoint");
    }

    @Test
    void aBadSignatureIsReportedBeforeAnyLaterDamage() throws Exception {
        String export = export(6000, 100, "upload");
        assertThat(export.length()).as("more than the verifier's read buffer").isGreaterThan(1 << 20);
        LedgerVerification intact = verify(export);
        assertThat(intact.valid()).as(intact.message()).isTrue();
        assertThat(intact.checkpoints()).isEqualTo(60);
        String forged = export.replaceFirst("(C\t500\t[0-9a-f]{64}\t[^\t]+\tk1\t)(.)", "$1" + "A");
        if (forged.equals(export)) {
            forged = export.replaceFirst("(C\t500\t[0-9a-f]{64}\t[^\t]+\tk1\t)(.)", "$1" + "B");
        }
        String alsoTampered = flip(forged, "E\t5900\t", 8, '9');

        for (String damaged : new String[]{forged, alsoTampered}) {
            LedgerVerification result = verify(damaged);
            assertFails(result, "checkpoint at entry 500 has a bad signature", 500, 500, 4);
            assertThat(result.message()).isEqualTo("checkpoint at entry 500 has a bad signature");
        }
    }

    @Test
    void aCheckpointNamingTheWrongHeadIsRefused() throws Exception {
        String export = export();
        String wrong = export.replaceFirst("C\t6\t[0-9a-f]", "C\t6\tz");
        assertThat(verify(wrong).message()).isEqualTo("checkpoint at entry 6 names a head hash the entries do not produce");
    }

    @Test
    void aBadUtf8SequenceNamesItsLine() throws Exception {
        String export = export();
        byte[] bytes = export.getBytes(StandardCharsets.UTF_8);
        int at = export.indexOf("\nE\t8\t") + 1 + 4 + AT.length() + 1 + 5;
        bytes[at] = (byte) 0xC3; // a lead byte followed by an ASCII character
        LedgerVerification result = verify(bytes);

        assertThat(result.valid()).isFalse();
        assertThat(result.message()).isEqualTo("line " + lineOf(export, "E\t8\t") + " is not UTF-8 text");
        assertThat(result.firstBadSeq()).isEqualTo(8);

        byte[] workspaceLine = export.getBytes(StandardCharsets.UTF_8);
        workspaceLine[export.indexOf("workspace\t") + 12] = (byte) 0xFF;
        assertThat(verify(workspaceLine).message()).isEqualTo("line 2 is not UTF-8 text");
    }

    @Test
    void otherDamageIsNamedByLine() throws Exception {
        String export = export();
        assertThat(verify("not a ledger\n").message()).startsWith("not an Attest ledger export");
        assertThat(verify("").message()).startsWith("not an Attest ledger export");
        assertThat(verify(export.replace("public-key\tk1\t", "public-key\tk1\tnot-base64")).message())
                .isEqualTo("line 3 is not a public key");
        assertThat(verify(export.replaceFirst("E\t3\t", "E\tthree\t")).message()).isEqualTo("line 6 has no entry number");
        assertThat(verify(export.replaceFirst("E\t3\t[^\n]*", "E\t3")).message()).isEqualTo("line 6 is not a ledger entry");
        assertThat(verify(export.replaceFirst("E\t3\t", "X\t3\t")).message()).isEqualTo("line 6 is not part of a ledger export");
        assertThat(verify(export + "E\t11\t" + "x".repeat(2 << 20) + "\n").message()).endsWith("is too long to be part of a ledger export");
    }

    private String exportedAt(String export, String at, String interval) {
        return export.replaceFirst("(workspace\t[^\n]+\n)", "$1exported-at\t" + at + "\t" + interval + "\n");
    }

    private String command(String export, String... args) throws IOException {
        Path file = folder.resolve("ledger-" + UUID.randomUUID() + ".txt");
        Files.writeString(file, export);
        String[] all = new String[args.length + 1];
        all[0] = file.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LedgerExportVerifier.run(all, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void entriesLeftUnsignedLongerThanTheCheckpointIntervalMakeTheHeadStale() throws Exception {
        String export = export(10, 3, "upload");
        assertThat(verify(exportedAt(export, "2026-11-27T08:10:00Z", "PT11M")).valid()).as("entry 10 waited 10 minutes").isTrue();

        LedgerVerification stale = verify(exportedAt(export, "2026-11-27T09:00:00Z", "PT11M"));
        assertFails(stale, "the head is not covered by a recent signed checkpoint: the newest signed checkpoint covers entry 9, "
                + "and entries 10 to 10 have waited since " + AT + ", longer than the checkpoint interval allows (PT11M)", 10, 10, 3);

        LedgerVerification none = verify(exportedAt(export(4, 100, "upload"), "2026-11-28T08:00:00Z", "PT11M"));
        assertThat(none.message()).startsWith("the head is not covered by a recent signed checkpoint: there is no signed checkpoint at all, "
                + "and entries 1 to 4 have waited since");
        assertThat(verify(exportedAt(export(9, 3, "upload"), "2027-11-27T09:00:00Z", "PT11M")).valid())
                .as("a head covered by a checkpoint stays valid however old").isTrue();
    }

    @Test
    void onlyCheckpointsSignedByAPinnedKeyCount() throws Exception {
        String export = export();
        String fingerprint = LedgerFormat.fingerprint(keys.getPublic());
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        assertThat(command(export, "--key", fingerprint)).startsWith("0 OK: ledger verifies: 10 entries, 3 signed checkpoints");
        assertThat(command(export, "--key", fingerprint.toUpperCase())).startsWith("0 OK: ");
        assertThat(command(export, "--key", publicKey)).startsWith("0 OK: ");

        String other = LedgerFormat.fingerprint(keyPair().getPublic());
        assertThat(command(export, "--key", other)).isEqualTo("1 FAILED: checkpoint at entry 3 is signed by key k1 (fingerprint "
                + fingerprint + "), which is not a pinned key of this workspace: its signature proves nothing");
        assertThat(command(export)).startsWith("1 FAILED: the export is consistent (ledger verifies: 10 entries");
    }

    @Test
    void theCommandRefusesBadArgumentsWithStatusTwo() throws Exception {
        String export = export();
        Path notJson = folder.resolve("checkpoint.json");
        Files.writeString(notJson, "{\"count\": 3}");
        assertThat(command(export, "--key")).startsWith("2 --key needs a value");
        assertThat(command(export, "--key", "not a key")).startsWith("2 not an Ed25519 public key");
        assertThat(command(export, "--checkpoint", notJson.toString())).startsWith("2 " + notJson + " is not a valid checkpoint: {workspace=");
        assertThat(command(export, "--checkpoint", folder.resolve("missing.json").toString())).startsWith("2 cannot read ")
                .contains("no such file");
        assertThat(command(export, "--frobnicate")).startsWith("2 unexpected argument --frobnicate");
    }

    @Test
    void theCommandExitsWithOneAndNamesTheFailure() throws Exception {
        Path file = folder.resolve("tampered.txt");
        Files.writeString(file, flip(export(), "E\t2\t", 5, '1'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = LedgerExportVerifier.run(new String[]{file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED: entry 2 does not match");
    }
}
