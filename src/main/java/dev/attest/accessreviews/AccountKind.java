package dev.attest.accessreviews;

import dev.attest.web.WireName;

/** Whether an account belongs to one person or is a shared or service account; stored and shown as {@code user} or {@code service}. */
public enum AccountKind implements WireName {
    USER, SERVICE
}
