package dev.attest.obligations;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

/** The recurring duties a workspace can schedule, each with its usual interval. */
@RequiredArgsConstructor
public enum DutyKind implements WireName {
    ACCESS_REVIEW("access-review", "Quarterly access review", 3),
    PENETRATION_TEST("penetration-test", "Yearly penetration test", 12),
    BCP_DR_TEST("bcp-dr-test", "Yearly business continuity and disaster recovery test", 12),
    INCIDENT_RESPONSE_EXERCISE("incident-response-exercise", "Yearly incident-response exercise", 12),
    SECURITY_TRAINING("security-training", "Yearly security awareness training", 12),
    // The duties below each stand behind one periodic control of the catalog; a record check
    // (checks/obligations.yaml) fails while the duty is unscheduled or overdue.
    BACKUP_RESTORE_TEST("backup-restore-test", "Quarterly backup restore test", 3),
    BUSINESS_IMPACT_ANALYSIS("business-impact-analysis", "Yearly business impact analysis with recovery objectives", 12),
    CAPACITY_REVIEW("capacity-review", "Quarterly capacity review", 3),
    INTERNAL_VULNERABILITY_SCAN("internal-vulnerability-scan", "Quarterly internal vulnerability scan", 3),
    EXTERNAL_VULNERABILITY_SCAN("external-vulnerability-scan", "Quarterly external vulnerability scan", 3),
    FIREWALL_RULE_REVIEW("firewall-rule-review", "Quarterly firewall rule review", 3),
    NETWORK_DIAGRAM_REVIEW("network-diagram-review", "Yearly network and data flow diagram review", 12),
    WIRELESS_SCAN("wireless-scan", "Quarterly scan for unauthorised wireless access points", 3),
    PHYSICAL_ACCESS_REVIEW("physical-access-review", "Quarterly physical access review", 3),
    CARD_READER_INSPECTION("card-reader-inspection", "Quarterly inspection of card-reading devices", 3),
    ENVIRONMENTAL_CONTROLS_REVIEW("environmental-controls-review", "Yearly review of environmental protections", 12),
    PROVIDER_ATTESTATION_REVIEW("provider-attestation-review", "Yearly review of the data centre providers' assurance reports", 12),
    ASSET_OWNERSHIP_REVIEW("asset-ownership-review", "Quarterly asset inventory and ownership review", 3),
    SOFTWARE_INVENTORY_REVIEW("software-inventory-review", "Monthly software inventory review", 1),
    DATA_STORE_INVENTORY_REVIEW("data-store-inventory-review", "Quarterly customer data store inventory review", 3),
    KEY_CUSTODIAN_REVIEW("key-custodian-review", "Quarterly review of key administrators and key users", 3),
    PROCESSING_RECORDS_REVIEW("processing-records-review", "Yearly review of the records of processing", 12),
    PRIVACY_CONTACT_REVIEW("privacy-contact-review", "Yearly confirmation of the DPO and privacy contact", 12),
    LEGAL_REGISTER_REVIEW("legal-register-review", "Yearly review of legal, regulatory and contractual requirements", 12),
    AUTHORITY_CONTACTS_REVIEW("authority-contacts-review", "Yearly review of authority and security community contacts", 12),
    ON_CALL_REVIEW("on-call-review", "Quarterly on-call rota and escalation contacts review", 3),
    OPERATING_PROCEDURES_REVIEW("operating-procedures-review", "Yearly review of documented operating procedures", 12),
    JOB_DESCRIPTION_REVIEW("job-description-review", "Yearly review of security responsibilities in job descriptions", 12),
    SECURE_CODING_TRAINING("secure-coding-training", "Yearly secure coding training for developers", 12),
    HIPAA_PRIVACY_TRAINING("hipaa-privacy-training", "Yearly HIPAA workforce privacy training", 12),
    RESPONSIBILITY_MATRIX_REVIEW("responsibility-matrix-review", "Yearly customer responsibility matrix review", 12),
    VENDOR_INVENTORY_REVIEW("vendor-inventory-review", "Quarterly vendor inventory review", 3);

    private final String wireName;
    private final String title;
    private final int months;

    @Override
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** Months between two occurrences. */
    public int months() {
        return months;
    }
}
