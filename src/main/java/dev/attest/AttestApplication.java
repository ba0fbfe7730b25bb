package dev.attest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Attest: a self-hosted compliance automation platform with a public Trust Center.
 * One Spring Boot application; each top-level package under {@code dev.attest} is a module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "web")
public class AttestApplication {

    public static void main(String[] args) {
        // Offline commands run without the web application or its database.
        if (args.length > 0 && "verify-ledger".equals(args[0])) {
            System.exit(dev.attest.evidence.LedgerExportVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && "verify-audit-log".equals(args[0])) {
            System.exit(dev.attest.auditlog.AuditTrailExportVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && "verify-package".equals(args[0])) {
            System.exit(dev.attest.audits.AuditPackageVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && "agent".equals(args[0])) {
            System.exit(dev.attest.monitoring.HostAgent.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && AttestCommands.NAMES.contains(args[0])) {
            System.exit(AttestCommands.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        java.util.Optional<String> unknown = unknownCommand(args);
        if (unknown.isPresent()) {
            System.err.println(unknown.get());
            System.exit(2);
        }
        SpringApplication.run(AttestApplication.class, args);
    }

    /** Every command {@code java -jar attest.jar COMMAND} knows; anything else that is not an option is refused. */
    static final java.util.SortedSet<String> COMMANDS;

    static {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(AttestCommands.NAMES);
        names.addAll(java.util.List.of("agent", "verify-ledger", "verify-package"));
        COMMANDS = java.util.Collections.unmodifiableSortedSet(names);
    }

    /**
     * The message for a first argument that is neither a command nor an option (a misspelt command such as
     * {@code verify-ledgr}): starting the whole server instead would hide the mistake. Options ({@code --server.port=9090})
     * and no arguments start the server.
     */
    static java.util.Optional<String> unknownCommand(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || COMMANDS.contains(args[0])) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Unknown command '" + args[0] + "'. Commands: " + String.join(", ", COMMANDS)
                + ". Without a command (or with only --options) java -jar attest.jar starts the server.");
    }
}
