package dev.attest.incidents;

import dev.attest.web.WireName;

/** Kinds of data an incident can touch; each decides which notification laws and contracts apply. */
public enum DataCategory implements WireName {
    /** Personal data of individuals (GDPR). */
    PERSONAL,
    /** Protected health information (HIPAA); also personal data under GDPR. */
    HEALTH,
    /** Payment card data (PCI DSS). */
    CARDHOLDER,
    /** Customers' data held under contract. */
    CUSTOMER
}
