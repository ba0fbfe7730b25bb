package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySettingsChanged;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The workspace settings that fill template placeholders (company name, contacts, retention
 * periods), and whether a version needs an approver other than its author.
 */
@Service
@RequiredArgsConstructor
public class PolicySettings {

    private static final int MAX_VALUE = 1000;

    private final PolicyStore store;
    private final ApplicationEventPublisher events;

    /** The placeholder values of the workspace: what an admin set, else the defaults. */
    @Transactional(readOnly = true)
    public Map<String, String> settings(WorkspaceId workspace) {
        Map<String, String> values = new LinkedHashMap<>(Policies.SETTING_DEFAULTS);
        store.settings(workspace).forEach((k, v) -> {
            if (values.containsKey(k)) {
                values.put(k, v);
            }
        });
        return values;
    }

    /** Saves the named settings (every bad one is named at once) and gives all of them back. */
    @Transactional
    public Map<String, String> save(WorkspaceId workspace, Map<String, String> changes, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            if (!Policies.SETTING_DEFAULTS.containsKey(name)) {
                errors.put(name, "is not a setting; known settings: " + String.join(", ", Policies.SETTING_DEFAULTS.keySet()));
            } else if (name.equals(Policies.SEPARATE_APPROVER) && !"true".equals(value) && !"false".equals(value)) {
                errors.put(name, "must be true or false");
            } else if (value == null || value.isBlank()) {
                errors.put(name, "must not be empty");
            } else if (value.length() > MAX_VALUE) {
                errors.put(name, "must be at most " + MAX_VALUE + " characters");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        changes.forEach((name, value) -> store.saveSetting(workspace, name, value.strip()));
        events.publishEvent(new PolicySettingsChanged(workspace, Set.copyOf(changes.keySet()), actor));
        return settings(workspace);
    }

    /** Whether this workspace asks for an approver other than the version's author. */
    @Transactional(readOnly = true)
    public boolean separateApprover(WorkspaceId workspace) {
        return !"false".equals(settings(workspace).get(Policies.SEPARATE_APPROVER));
    }

    /** A text with the workspace's placeholder values filled in. */
    @Transactional(readOnly = true)
    public String fill(WorkspaceId workspace, String text) {
        return TemplateLibrary.fill(text, settings(workspace));
    }
}
