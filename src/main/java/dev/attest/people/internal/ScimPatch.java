package dev.attest.people.internal;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies one SCIM PATCH operation (add, replace, remove) to a user's representation, so that a
 * patched user is then saved exactly as a replaced one would be.
 */
final class ScimPatch {

    private ScimPatch() {
    }

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> user, String op, String path, Object value) {
        if (!List.of("add", "replace", "remove").contains(op)) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "op must be add, replace or remove");
        }
        if (path == null || path.isBlank()) {
            if ("remove".equals(op)) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "noTarget", "remove needs a path");
            }
            if (!(value instanceof Map<?, ?> values)) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "Without a path, the value is an object of attributes");
            }
            ((Map<String, Object>) values).forEach((k, v) -> set(user, k, v, op));
            return;
        }
        set(user, path, "remove".equals(op) ? null : value, op);
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> user, String path, Object value, String op) {
        String lower = path.toLowerCase(Locale.ROOT);
        String enterprise = ScimUserFormat.ENTERPRISE.toLowerCase(Locale.ROOT);
        if (lower.startsWith(enterprise + ":")) {
            Map<String, Object> ext = (Map<String, Object>) user.computeIfAbsent(ScimUserFormat.ENTERPRISE, k -> new LinkedHashMap<>());
            String attribute = path.substring(enterprise.length() + 1);
            put(ext, attribute, value);
            return;
        }
        if (lower.equals(enterprise) && value instanceof Map<?, ?> values) {
            Map<String, Object> ext = (Map<String, Object>) user.computeIfAbsent(ScimUserFormat.ENTERPRISE, k -> new LinkedHashMap<>());
            ((Map<String, Object>) values).forEach((k, v) -> put(ext, k, v));
            return;
        }
        if (lower.startsWith("name.")) {
            Map<String, Object> name = new LinkedHashMap<>();
            // A partial name replaces the formatted one, which would otherwise win.
            if (user.get("name") instanceof Map<?, ?> old) {
                ((Map<String, Object>) old).forEach((k, v) -> { if (!k.equals("formatted")) name.put(k, v); });
                // The roster keeps one full name; split it at the last space so that a new family name
                // (Entra ID's "name.familyName") keeps the given name.
                if (name.isEmpty() && old.get("formatted") instanceof String full && !full.isBlank()) {
                    int space = full.strip().lastIndexOf(' ');
                    name.put("givenName", space < 0 ? full.strip() : full.strip().substring(0, space));
                    if (space > 0) {
                        name.put("familyName", full.strip().substring(space + 1));
                    }
                }
            }
            put(name, path.substring(5), value);
            user.put("name", name);
            return;
        }
        if (lower.startsWith("emails")) {
            if (value instanceof String email) {
                user.put("emails", List.of(Map.of("value", email, "primary", true)));
                if (!user.containsKey("userName")) {
                    user.put("userName", email);
                }
            } else if (value instanceof List<?>) {
                user.put("emails", value);
            } else if (value != null) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "emails takes a string or a list");
            }
            return;
        }
        if (ScimUserFormat.IGNORED.contains(lower.split("[\\[.]", 2)[0])) {
            return; // accepted and dropped, as in a create (for example addresses[type eq "work"].formatted)
        }
        if (lower.contains("[") || lower.contains(".")) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidPath", "The path " + path + " is not supported");
        }
        if (!"add".equals(op) && !"replace".equals(op) && value == null && lower.equals("username")) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "mutability", "userName cannot be removed");
        }
        put(user, path, value);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        String existing = map.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(key);
        if (value == null) {
            map.remove(existing);
        } else {
            map.put(existing, value);
        }
    }
}
