package dev.attest.vendors;

import dev.attest.web.WireName;

/** The kinds of data a vendor touches, from none at all to cardholder data; the API and forms spell it by its wire name, e.g. {@code cardholder}. */
public enum DataCategory implements WireName {
    NONE, INTERNAL, CUSTOMER, PERSONAL, HEALTH, CARDHOLDER;

    public String label() {
        return switch (this) {
            case NONE -> "None";
            case INTERNAL -> "Internal data";
            case CUSTOMER -> "Customer data";
            case PERSONAL -> "Personal data";
            case HEALTH -> "Health data";
            case CARDHOLDER -> "Cardholder data";
        };
    }
}
