package dev.attest.privacy;

import dev.attest.web.WireName;

/** The law under which a request is answered: it fixes the deadline and the rights available. */
public enum PrivacyLaw implements WireName {
    /** EU/UK GDPR Art. 12(3): one month from receipt, extendable by two further months. */
    GDPR,
    /** CCPA/CPRA (Cal. Civ. Code 1798.130): 45 days from receipt, extendable once by 45 days. */
    CCPA
}
