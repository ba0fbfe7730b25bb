package dev.attest.audits;

import dev.attest.web.JsonWireName;

/** What moves an audit on. Completing is not here: it needs the signed report (see the completion route). */
public enum AuditAction implements JsonWireName {
    START_FIELDWORK, START_REPORTING, WITHDRAW;
}
