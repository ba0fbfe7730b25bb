package dev.attest.risks;

import dev.attest.web.WireName;

/**
 * How a risk is handled: reduced by controls, accepted (with approver and expiry), transferred or
 * avoided. Stored and sent by its wire name, e.g. {@code mitigate}.
 */
public enum Treatment implements WireName {
    MITIGATE, ACCEPT, TRANSFER, AVOID
}
