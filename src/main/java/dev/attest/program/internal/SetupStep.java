package dev.attest.program.internal;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

import java.util.Locale;

/** The steps of the first-run setup checklist, in the order an admin meets them, each with the page where it is done. */
@RequiredArgsConstructor
enum SetupStep implements WireName {
    COMPANY("Company name and details", "Fills the policies' placeholders and the Trust Center's heading.", "/setup#company"),
    FRAMEWORKS("Frameworks and scope", "Choose the frameworks you answer to and, for SOC 2, the categories in scope.", "/setup#frameworks"),
    TEAM("Invite your team", "Control owners and employees get their own tasks; without a mail server, copy the invitation link.", "/members"),
    SOURCE("Connect a first source", "A database, a cloud account, a Git host or a host agent: checks start testing your controls.", "/monitoring/connections"),
    TRUST_CENTER("Publish the Trust Center", "Certifications, subprocessors and live control status on your public page.", "/trust-center"),
    PASSWORD("Change the first-start password", "The password printed at first start is in the server's log: replace it.", "/account");

    private final String title;
    private final String why;
    private final String href;

    /** The step's key in addresses, anchors and the stored checklist, e.g. {@code trust-center}. */
    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    public String why() {
        return why;
    }

    public String href() {
        return href;
    }
}
