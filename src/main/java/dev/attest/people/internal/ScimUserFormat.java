package dev.attest.people.internal;

import dev.attest.people.EmploymentType;
import dev.attest.people.Person;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A SCIM user on the wire (RFC 7643): the body an identity provider sends, read into roster fields
 * with every unknown attribute refused, and a person written back as the user resource.
 */
final class ScimUserFormat {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final Set<String> ATTRIBUTES = Set.of("schemas", "id", "externalid", "username", "name", "displayname", "nickname",
            "title", "usertype", "active", "emails", "meta", "locale", "timezone", "preferredlanguage", ENTERPRISE.toLowerCase(Locale.ROOT));
    /**
     * Attributes the providers send that Attest accepts and drops: Okta's create carries {@code password}
     * (never stored, never logged) and {@code groups} (membership comes through /Groups), and Entra ID's
     * default mapping carries addresses and phone numbers, which the roster does not keep.
     */
    static final Set<String> IGNORED = Set.of("password", "groups", "addresses", "phonenumbers", "ims", "photos", "entitlements",
            "roles", "x509certificates", "profileurl");
    private static final Set<String> NAME_ATTRIBUTES = Set.of("formatted", "givenname", "familyname", "middlename",
            "honorificprefix", "honorificsuffix");
    private static final Set<String> ENTERPRISE_ATTRIBUTES = Set.of("department", "manager", "employeenumber", "costcenter",
            "organization", "division");

    private ScimUserFormat() {
    }

    /** What a SCIM user body says, checked for unknown attributes. */
    record Scim(String userName, String name, String title, String userType, boolean active, String externalId,
                        String department, String managerEmail) {

        PersonForm form(Person current) {
            // Reactivating a user the identity provider had deactivated clears the end date it caused.
            LocalDate end = current == null ? null : current.endDate();
            if (active && end != null && !end.isAfter(today())) {
                end = null;
            }
            return new PersonForm(name, userName, title, department, managerEmail, employmentType(userType, current),
                    current == null || current.startDate() == null ? null : current.startDate().toString(),
                    end == null ? null : end.toString(),
                    current == null ? List.of() : current.requiredPolicies().stream().map(UUID::toString).toList());
        }

        private static String employmentType(String userType, Person current) {
            EmploymentType type = EmploymentType.parse(userType);
            return type != null ? type.wireName() : current == null ? "employee" : current.employmentType().wireName();
        }
    }

    static Scim read(Map<String, Object> body, Function<String, String> managers) {
        List<String> unknown = new ArrayList<>();
        body.keySet().stream().filter(k -> !ATTRIBUTES.contains(k.toLowerCase(Locale.ROOT)) && !IGNORED.contains(k.toLowerCase(Locale.ROOT)))
                .forEach(unknown::add);
        Map<String, Object> name = map(body, "name");
        name.keySet().stream().filter(k -> !NAME_ATTRIBUTES.contains(k.toLowerCase(Locale.ROOT))).forEach(k -> unknown.add("name." + k));
        Map<String, Object> enterprise = map(body, ENTERPRISE);
        enterprise.keySet().stream().filter(k -> !ENTERPRISE_ATTRIBUTES.contains(k.toLowerCase(Locale.ROOT)))
                .forEach(k -> unknown.add(ENTERPRISE + ":" + k));
        if (!unknown.isEmpty()) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "Unknown attribute(s): " + String.join(", ", unknown));
        }
        String userName = text(body, "userName");
        if (userName == null) {
            Object emails = get(body, "emails");
            if (emails instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first && first.get("value") instanceof String v) {
                userName = v;
            }
        }
        if (userName == null || userName.isBlank()) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "userName is required");
        }
        String display = text(body, "displayName");
        String formatted = text(name, "formatted");
        String given = text(name, "givenName");
        String family = text(name, "familyName");
        String fullName = formatted != null ? formatted : given != null || family != null
                ? ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip() : display != null ? display : userName;
        Object active = get(body, "active");
        boolean isActive = active == null || Boolean.TRUE.equals(active) || "true".equalsIgnoreCase(String.valueOf(active));
        String managerEmail = null;
        if (get(enterprise, "manager") instanceof Map<?, ?> manager && manager.get("value") instanceof String v) {
            managerEmail = managers.apply(v);
        }
        return new Scim(userName, fullName, text(body, "title"), text(body, "userType"), isActive, text(body, "externalId"),
                text(enterprise, "department"), managerEmail);
    }

    private static Object get(Map<String, Object> map, String key) {
        return map.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String key) {
        Object value = get(body, key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", key + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = get(body, key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", key + " must be a string");
        }
        return s;
    }

    static Map<String, Object> user(Person p, List<Person> all, List<ScimGroups.Group> pushed) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("schemas", List.of(USER, ENTERPRISE));
        user.put("id", p.id().toString());
        if (p.externalId() != null) {
            user.put("externalId", p.externalId());
        }
        user.put("userName", p.email());
        user.put("name", new LinkedHashMap<>(Map.of("formatted", p.name())));
        user.put("displayName", p.name());
        if (p.title() != null) {
            user.put("title", p.title());
        }
        user.put("userType", p.employmentType().wireName());
        user.put("active", p.activeOn(today()));
        user.put("emails", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("value", p.email(), "type", "work", "primary", true)))));
        Map<String, Object> enterprise = new LinkedHashMap<>();
        if (p.department() != null) {
            enterprise.put("department", p.department());
        }
        if (p.managerEmail() != null) {
            all.stream().filter(m -> m.email().equals(p.managerEmail())).findFirst()
                    .ifPresent(m -> enterprise.put("manager", new LinkedHashMap<>(Map.of("value", m.id().toString()))));
        }
        user.put(ENTERPRISE, enterprise);
        List<Map<String, Object>> memberOf = new ArrayList<>();
        for (ScimGroups.Group g : pushed) {
            if (g.members().contains(p.id())) {
                memberOf.add(new LinkedHashMap<>(Map.of("value", g.id().toString(), "display", g.displayName(), "type", "direct",
                        "$ref", "/scim/v2/Groups/" + g.id())));
            }
        }
        user.put("groups", memberOf);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", "User");
        meta.put("created", p.createdAt().toString());
        meta.put("lastModified", p.updatedAt().toString());
        meta.put("location", "/scim/v2/Users/" + p.id());
        user.put("meta", meta);
        return user;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
