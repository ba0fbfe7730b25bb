package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.EmploymentType;
import dev.attest.people.People;
import dev.attest.people.Person;
import dev.attest.people.PersonInput;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM 2.0 Users (RFC 7643/7644) so that an identity provider keeps the roster current: create,
 * replace, patch, delete, and list with {@code filter=userName eq "..."}. A user's userName is the
 * person's email; deactivating or deleting a user sets the end date and opens the revocations.
 */
@RestController
@RequestMapping(value = "/scim/v2", produces = {"application/scim+json", "application/json"})
@Hidden
class ScimUsersApi {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

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
    private static final Pattern FILTER = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9.:_-]*)\\s+(\\w+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    private final People people;
    private final ScimGroups groups;

    ScimUsersApi(People people, ScimGroups groups) {
        this.people = people;
        this.groups = groups;
    }

    static WorkspaceId workspace() {
        return ((ScimSecurity.ScimClient) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).workspaceId();
    }

    @GetMapping("/Users")
    @PreAuthorize("hasAuthority('scim:provision')")
    Map<String, Object> list(@RequestParam(required = false) String filter, @RequestParam(defaultValue = "1") int startIndex,
                             @RequestParam(defaultValue = "100") int count) {
        Predicate<Person> matches = filter == null || filter.isBlank() ? p -> true : filter(filter);
        List<Person> all = people.list(workspace()).stream().filter(p -> p.removedAt() == null).filter(matches).toList();
        List<ScimGroups.Group> pushed = groups.list(workspace());
        return listResponse(all, startIndex, count, p -> user(p, all, pushed));
    }

    /** One page of an RFC 7644 list response; startIndex counts from 1 and count is capped at 1,000. */
    static <T> Map<String, Object> listResponse(List<T> all, int startIndex, int count, java.util.function.Function<T, Map<String, Object>> view) {
        int from = Math.max(1, startIndex) - 1;
        List<Map<String, Object>> page = all.stream().skip(from).limit(Math.max(0, Math.min(count, 1000))).map(view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(LIST));
        body.put("totalResults", all.size());
        body.put("startIndex", from + 1);
        body.put("itemsPerPage", page.size());
        body.put("Resources", page);
        return body;
    }

    /** A filter of the one form both providers send: {@code attribute eq "value"}; attribute is lower case. */
    record Filter(String attribute, String value) {

        static Filter parse(String filter) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", "The filter is malformed; use for example userName eq \"ada@example.com\"");
            }
            if (!m.group(2).equalsIgnoreCase("eq")) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", "Only the eq operator is supported");
            }
            return new Filter(m.group(1).toLowerCase(Locale.ROOT), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
    }

    static Predicate<Person> filter(String filter) {
        Filter f = Filter.parse(filter);
        String value = f.value();
        return switch (f.attribute()) {
            case "username", "emails.value" -> p -> p.email().equalsIgnoreCase(value);
            case "externalid" -> p -> value.equals(p.externalId());
            case "id" -> p -> p.id().toString().equals(value);
            default -> throw new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", "Filtering on " + f.attribute() + " is not supported");
        };
    }

    @GetMapping("/Users/{id}")
    @PreAuthorize("hasAuthority('scim:provision')")
    Map<String, Object> get(@PathVariable String id) {
        return user(find(id), people.list(workspace()), groups.list(workspace()));
    }

    @PostMapping(value = "/Users", consumes = {"application/scim+json", "application/json"})
    @PreAuthorize("hasAuthority('scim:provision')")
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        Scim scim = read(body);
        Person created = people.add(workspace(), scim.input(null), scim.externalId(), "scim");
        if (!scim.active()) {
            created = deactivate(created);
        }
        Map<String, Object> user = user(created, people.list(workspace()), groups.list(workspace()));
        return ResponseEntity.created(URI.create("/scim/v2/Users/" + created.id())).contentType(ScimErrors.SCIM_JSON).body(user);
    }

    @PutMapping(value = "/Users/{id}", consumes = {"application/scim+json", "application/json"})
    @PreAuthorize("hasAuthority('scim:provision')")
    Map<String, Object> replace(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return apply(find(id), read(body));
    }

    @PatchMapping(value = "/Users/{id}", consumes = {"application/scim+json", "application/json"})
    @PreAuthorize("hasAuthority('scim:provision')")
    Map<String, Object> patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Person person = find(id);
        List<Map<String, Object>> operations = operations(body);
        Map<String, Object> user = user(person, people.list(workspace()), groups.list(workspace()));
        user.remove("meta");
        for (Map<String, Object> op : operations) {
            ScimPatch.apply(user, ((String) op.get("op")).toLowerCase(Locale.ROOT), (String) op.get("path"), op.get("value"));
        }
        return apply(person, read(user));
    }

    /** The operations of a PATCH request, each checked to have an op (and a path, if any, that is a string). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> operations(Map<String, Object> body) {
        Object schemas = body.get("schemas");
        if (!(schemas instanceof List<?> list) || !list.contains(PATCH)) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "A PATCH body has schemas [\"" + PATCH + "\"]");
        }
        if (!(body.get("Operations") instanceof List<?> operations)) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "A PATCH body has an Operations list");
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        for (Object o : operations) {
            if (!(o instanceof Map<?, ?> op) || !(op.get("op") instanceof String) || (op.get("path") != null && !(op.get("path") instanceof String))) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "Each operation has an op, and a path that is a string");
            }
            checked.add((Map<String, Object>) op);
        }
        return checked;
    }

    @DeleteMapping("/Users/{id}")
    @PreAuthorize("hasAuthority('scim:provision')")
    ResponseEntity<Void> delete(@PathVariable String id) {
        people.remove(workspace(), find(id).id(), "scim");
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> apply(Person current, Scim scim) {
        Person updated = people.update(workspace(), current.id(), scim.input(current), "scim");
        if (scim.externalId() != null && !scim.externalId().equals(updated.externalId())) {
            updated = people.linkExternalId(workspace(), updated.id(), scim.externalId());
        }
        if (!scim.active() && (updated.endDate() == null || updated.endDate().isAfter(today()))) {
            updated = deactivate(updated);
        }
        return user(updated, people.list(workspace()), groups.list(workspace()));
    }

    private Person deactivate(Person p) {
        return people.update(workspace(), p.id(), new PersonInput(p.name(), p.email(), p.title(), p.department(), p.managerEmail(),
                p.employmentType().wireName(), p.startDate() == null ? null : p.startDate().toString(), today().toString(),
                p.requiredPolicies().stream().map(UUID::toString).toList()), "scim");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private Person find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ScimException(HttpStatus.NOT_FOUND, null, "Resource " + id + " not found");
        }
        Person p = people.get(workspace(), uuid);
        if (p.removedAt() != null) {
            throw new ScimException(HttpStatus.NOT_FOUND, null, "Resource " + id + " not found");
        }
        return p;
    }

    /** What a SCIM user body says, checked for unknown attributes. */
    private record Scim(String userName, String name, String title, String userType, boolean active, String externalId,
                        String department, String managerEmail) {

        PersonInput input(Person current) {
            // Reactivating a user the identity provider had deactivated clears the end date it caused.
            LocalDate end = current == null ? null : current.endDate();
            if (active && end != null && !end.isAfter(today())) {
                end = null;
            }
            return new PersonInput(name, userName, title, department, managerEmail, employmentType(userType, current),
                    current == null || current.startDate() == null ? null : current.startDate().toString(),
                    end == null ? null : end.toString(),
                    current == null ? List.of() : current.requiredPolicies().stream().map(UUID::toString).toList());
        }

        private static String employmentType(String userType, Person current) {
            EmploymentType type = EmploymentType.parse(userType);
            return type != null ? type.wireName() : current == null ? "employee" : current.employmentType().wireName();
        }
    }

    private Scim read(Map<String, Object> body) {
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
            managerEmail = managerEmail(v);
        }
        return new Scim(userName, fullName, text(body, "title"), text(body, "userType"), isActive, text(body, "externalId"),
                text(enterprise, "department"), managerEmail);
    }

    /** A manager is referenced by SCIM id; the roster keeps the manager's email. */
    private String managerEmail(String scimId) {
        try {
            return people.get(workspace(), UUID.fromString(scimId)).email();
        } catch (IllegalArgumentException | dev.attest.web.NotFoundException e) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "manager " + scimId + " is not a known user");
        }
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
}
