package dev.attest.catalog;

import dev.attest.web.WireName;

/** How often a control is suggested to operate or be tested; catalog files and the API spell it by its wire name, e.g. {@code on_event}. */
public enum Frequency implements WireName {
    CONTINUOUS, DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, ON_EVENT
}
