package dev.attest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelt command is refused with the list of commands instead of starting the server. */
class CommandLineTest {

    @Test
    void aMisspeltCommandIsNamedAndTheCommandsAreListed() {
        assertThat(AttestApplication.unknownCommand(new String[]{"verify-ledgr", "export.json"})).hasValueSatisfying(message ->
                assertThat(message).contains("Unknown command 'verify-ledgr'", "agent", "verify-ledger", "backup", "restore", "check",
                        "migrate-evidence", "verify-package"));
    }

    @Test
    void noArgumentsOptionsAndKnownCommandsAreNotRefused() {
        assertThat(AttestApplication.unknownCommand(new String[0])).isEmpty();
        assertThat(AttestApplication.unknownCommand(new String[]{"--server.port=9090"})).isEmpty();
        for (String command : AttestApplication.COMMANDS) {
            assertThat(AttestApplication.unknownCommand(new String[]{command})).as(command).isEmpty();
        }
    }
}
