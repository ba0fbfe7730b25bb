package dev.attest.monitoring.internal;

import dev.attest.monitoring.internal.collectors.KeyMaterial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One credential a connection kind takes, as its form shows it. Every credential is stored as a sealed
 * secret under {@code name} (the name the API's {@code secrets} object uses) and is never shown back.
 *
 * @param name   the secret's name, e.g. {@code privateKey}
 * @param label  what the form calls it
 * @param input  how it is typed in, and what a valid value looks like
 * @param hint   one line on where to find it, or null
 * @param choice the alternative it belongs to (e.g. "Or as a GitHub App"), or null when every connection needs it
 */
public record CredentialField(String name, String label, Input input, String hint, String choice) {

    /** The longest value a form takes for one credential; key files are a few kilobytes. */
    static final int MAX_LENGTH = 65_536;

    /** How a credential is typed in. */
    public enum Input {
        /** Shown as typed while entering (an id, an email address, a region). */
        TEXT,
        /** A password field. */
        PASSWORD,
        /** A PEM private key, pasted or uploaded. */
        PRIVATE_KEY_PEM,
        /** A Google service account's JSON key file, pasted or uploaded. */
        SERVICE_ACCOUNT_JSON;

        /** Whether the form offers a file upload beside the text area. */
        public boolean isFile() {
            return this == PRIVATE_KEY_PEM || this == SERVICE_ACCOUNT_JSON;
        }
    }

    public CredentialField {
        Objects.requireNonNull(name);
        Objects.requireNonNull(label);
        Objects.requireNonNull(input);
    }

    /** A field every connection of the kind takes. */
    public static CredentialField of(String name, String label, Input input, String hint) {
        return new CredentialField(name, label, input, hint, null);
    }

    /** The same field as part of one alternative way to sign in. */
    public CredentialField inChoice(String title) {
        return new CredentialField(name, label, input, hint, title);
    }

    /** A user name and a password, as databases and caches take them. */
    public static List<CredentialField> userAndPassword() {
        return List.of(of("username", "User name", Input.TEXT, "if the system needs one"),
                of("password", "Password", Input.PASSWORD, null));
    }

    /** What is wrong with a given value, for the form's error under the field; null when it is usable. */
    public String problem(String value) {
        if (value.length() > MAX_LENGTH) {
            return label + ": at most 64 KB";
        }
        String wrong = switch (input) {
            case PRIVATE_KEY_PEM -> KeyMaterial.privateKeyProblem(value);
            case SERVICE_ACCOUNT_JSON -> KeyMaterial.serviceAccountKeyProblem(value);
            case TEXT, PASSWORD -> null;
        };
        return wrong == null ? null : label + ": " + wrong;
    }

    /** The fields in the form's order, grouped by their choice (fields every connection needs first). */
    public static List<Group> groups(List<CredentialField> fields) {
        Map<String, List<CredentialField>> byChoice = new LinkedHashMap<>();
        fields.stream().filter(f -> f.choice() == null).forEach(f -> byChoice.computeIfAbsent("", k -> new ArrayList<>()).add(f));
        fields.stream().filter(f -> f.choice() != null).forEach(f -> byChoice.computeIfAbsent(f.choice(), k -> new ArrayList<>()).add(f));
        return byChoice.entrySet().stream().map(e -> new Group(e.getKey().isEmpty() ? null : e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Fields shown together under one title (null for the fields every connection needs). */
    public record Group(String title, List<CredentialField> fields) {
    }
}
