package dev.attest.program.internal;

import java.util.Arrays;
import java.util.Optional;

/** The steps of the first-run setup checklist, in the order an admin meets them, each with the page where it is done. */
enum SetupStep {
    COMPANY("company", "Company name and details", "Fills the policies' placeholders and the Trust Center's heading.", "/setup#company"),
    FRAMEWORKS("frameworks", "Frameworks and scope", "Choose the frameworks you answer to and, for SOC 2, the categories in scope.", "/setup#frameworks"),
    TEAM("team", "Invite your team", "Control owners and employees get their own tasks; without a mail server, copy the invitation link.", "/members"),
    SOURCE("source", "Connect a first source", "A database, a cloud account, a Git host or a host agent: checks start testing your controls.", "/monitoring/connections"),
    TRUST_CENTER("trust-center", "Publish the Trust Center", "Certifications, subprocessors and live control status on your public page.", "/trust-center"),
    PASSWORD("password", "Change the first-start password", "The password printed at first start is in the server's log: replace it.", "/account");

    private final String key;
    private final String title;
    private final String why;
    private final String href;

    SetupStep(String key, String title, String why, String href) {
        this.key = key;
        this.title = title;
        this.why = why;
        this.href = href;
    }

    public String key() {
        return key;
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

    static Optional<SetupStep> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
