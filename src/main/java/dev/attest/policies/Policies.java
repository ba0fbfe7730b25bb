package dev.attest.policies;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.internal.Acceptances;
import dev.attest.policies.internal.MarkdownRenderer;
import dev.attest.policies.internal.PolicyRegister;
import dev.attest.policies.internal.PolicySettings;
import dev.attest.web.SearchTerm;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other modules ask of policies: the published policies and who accepted them (people's
 * onboarding and portal, the dashboard, search), a person's acceptance from the portal, and the
 * placeholder settings the setup checklist fills. Writing and approving policies happens inside
 * the module ({@code internal.Drafting}, {@code internal.Approval}).
 */
@Service
@RequiredArgsConstructor
public class Policies {

    /**
     * The workspace setting (on unless set to "false") that a version is approved by someone other than the
     * person who drafted or submitted it: four eyes on every policy.
     */
    public static final String SEPARATE_APPROVER = "separate_approver";

    /** The settings that fill template placeholders, with the value used until an admin sets one. */
    public static final Map<String, String> SETTING_DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("company_name", "the Company");
        defaults.put("security_contact", "security@example.com");
        defaults.put("review_owner", "the Head of Security");
        defaults.put("retention_period", "90 days");
        defaults.put("backup_retention", "35 days");
        defaults.put("log_retention", "one year");
        defaults.put("recovery_time_objective", "4 hours");
        defaults.put("recovery_point_objective", "1 hour");
        defaults.put("patch_window_critical", "7 days");
        defaults.put(SEPARATE_APPROVER, "true");
        SETTING_DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    private final PolicyRegister register;
    private final PolicySettings settings;
    private final Acceptances acceptances;
    private final MarkdownRenderer markdown;

    /** Every policy with its current and open version and review state, by title. */
    public List<PolicySummary> list(WorkspaceId workspace) {
        return register.list(workspace);
    }

    /** The policies whose title contains the term or whose id it is, by title, at most {@code limit}. */
    public List<Policy> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return register.search(workspace, term, limit);
    }

    /** Acceptances of the workspace, or of one person when email is not null. */
    public List<Acceptance> acceptances(WorkspaceId workspace, String email) {
        return acceptances.acceptances(workspace, email);
    }

    /** Per policy with a published version: how many members (auditors aside) accepted it. */
    public Map<UUID, AcceptanceRate> acceptanceRates(WorkspaceId workspace) {
        return acceptances.rates(workspace);
    }

    /** Records that a person accepted the current published version; accepting it again keeps the first record. */
    public Acceptance accept(WorkspaceId workspace, UUID id, int number, String email, String address, String actor) {
        return acceptances.accept(workspace, id, number, email, address, actor);
    }

    /**
     * All policies together, counted in the database: acceptances of each published policy's current version by the
     * members (auditors aside), out of members times published policies.
     */
    public AcceptanceRate acceptanceTotal(WorkspaceId workspace) {
        return acceptances.total(workspace);
    }

    /** The placeholder values of the workspace: what an admin set, else the defaults. */
    public Map<String, String> settings(WorkspaceId workspace) {
        return settings.settings(workspace);
    }

    /** Saves placeholder settings (names left out keep their value); a bad one is a field error. */
    public Map<String, String> saveSettings(WorkspaceId workspace, Map<String, String> changes, String actor) {
        return settings.save(workspace, changes, actor);
    }

    /** A text with the workspace's placeholder values filled in, e.g. an agreement another module shows. */
    public String fill(WorkspaceId workspace, String text) {
        return settings.fill(workspace, text);
    }

    /** Markdown as sanitized HTML, safe to put in a page as is. */
    public String render(String markdownText) {
        return markdown.html(markdownText);
    }
}
