package dev.attest.monitoring.internal.collectors;

import dev.attest.support.Fuzz;
import dev.attest.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported files (IAM credential report CSV, JSON list): a result, or a refusal naming where; nothing else. */
class FileImportsFuzzTest {

    private final FileImports imports = new FileImports();

    private void parsesOrNamesTheProblem(String format, String input) {
        try {
            assertThat(imports.parse(format, input)).isNotNull();
        } catch (InvalidFieldException e) {
            assertThat(e.errors()).isNotEmpty();
            e.errors().forEach((field, message) -> {
                assertThat(field).isNotBlank();
                assertThat(message).isNotBlank();
            });
        }
    }

    @Test
    void theCredentialReportParserNeverFailsUnexpectedly() {
        String header = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
                + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
                + "cert_2_last_rotated\n";
        String row = "ada,arn:aws:iam::123456789012:user/ada,2024-01-01T00:00:00+00:00,true,2026-11-01T00:00:00+00:00,"
                + "2026-01-01T00:00:00+00:00,N/A,true,true,2026-06-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
        Fuzz.run("aws-iam-credential-report", 13, 3000, Duration.ofSeconds(6), List.of(header + row, header + row + row, header),
                input -> parsesOrNamesTheProblem("aws-iam-credential-report", input));
    }

    @Test
    void theJsonListParserNeverFailsUnexpectedly() {
        Fuzz.run("json import", 17, 3000, Duration.ofSeconds(6), List.of(
                "[{\"type\": \"tls.endpoint\", \"id\": \"a:443\", \"data\": {\"tls10\": false, \"keySize\": 2048}}]",
                "[{\"type\": \"git.repository\", \"id\": \"r\", \"data\": {\"hasSecurityPolicy\": true, \"secretFindings\": [{\"kind\": \"x\"}]}}]",
                "[]"), input -> parsesOrNamesTheProblem("json", input));
    }

    /** Found by the fuzz test above: an unclosed quote escaped as an UncheckedIOException, a 500 over HTTP. */
    @Test
    void aQuoteThatNeverClosesIsRefusedNamingTheFile() {
        for (String csv : new String[]{"user,arn,\"user_creation_time,password_enabled\n", "user,arn\nada,\"arn:aws\n"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.parse("aws-iam-credential-report", csv))
                    .isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).errors()).containsKey("file"));
        }
    }
}
