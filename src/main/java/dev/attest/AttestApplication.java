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
        SpringApplication.run(AttestApplication.class, args);
    }
}
