package dev.attest.people.internal;

import dev.attest.people.People;
import dev.attest.people.Person;
import io.swagger.v3.oas.annotations.Hidden;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SCIM 2.0 Groups, the way Okta's group push and Microsoft Entra ID's group provisioning use them:
 * create, look up by {@code displayName}, rename, add and remove members by PATCH, replace, delete.
 * Members are users of {@code /Users}; the workspace's group-to-role table turns membership into roles.
 */
@RestController
@RequestMapping(value = "/scim/v2", produces = {"application/scim+json", "application/json"})
@Hidden
@PreAuthorize("hasAuthority('scim:provision')")
@RequiredArgsConstructor
class ScimGroupsApi {

    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final Set<String> ATTRIBUTES = Set.of("schemas", "id", "externalid", "displayname", "members", "meta");
    /** {@code members[value eq "id"]}, how Okta removes one member. */
    private static final Pattern MEMBER_PATH = Pattern.compile("^members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]$", Pattern.CASE_INSENSITIVE);

    private final ScimGroups groups;
    private final People people;

    @GetMapping("/Groups")
    Map<String, Object> list(@RequestParam(required = false) String filter, @RequestParam(defaultValue = "1") int startIndex,
                             @RequestParam(defaultValue = "100") int count, @RequestParam(required = false) String excludedAttributes) {
        Predicate<ScimGroups.Group> matches = filter == null || filter.isBlank() ? g -> true : filter(filter);
        List<ScimGroups.Group> all = groups.list(ScimUsersApi.workspace()).stream().filter(matches).toList();
        Function<ScimGroups.Group, Map<String, Object>> view = view(excludedAttributes);
        return ScimUsersApi.listResponse(all, startIndex, count, view);
    }

    /** Entra ID asks whether a user is a member before adding them: {@code id eq "..." and members[value eq "..."]}. */
    private static final java.util.regex.Pattern MEMBER_TEST = java.util.regex.Pattern.compile(
            "(?i)^\\s*(.+?)\\s+and\\s+members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]\\s*$");

    static Predicate<ScimGroups.Group> filter(String filter) {
        java.util.regex.Matcher compound = MEMBER_TEST.matcher(filter);
        if (compound.matches()) {
            String member = compound.group(2);
            return filter(compound.group(1)).and(g -> g.members().stream().anyMatch(m -> m.toString().equalsIgnoreCase(member)));
        }
        ScimUsersApi.Filter f = ScimUsersApi.Filter.parse(filter);
        return switch (f.attribute()) {
            case "displayname" -> g -> g.displayName().equalsIgnoreCase(f.value());
            case "externalid" -> g -> f.value().equals(g.externalId());
            case "id" -> g -> g.id().toString().equals(f.value());
            default -> throw new ScimException(HttpStatus.BAD_REQUEST, "invalidFilter", "Filtering groups on " + f.attribute() + " is not supported");
        };
    }

    @GetMapping("/Groups/{id}")
    Map<String, Object> get(@PathVariable String id, @RequestParam(required = false) String excludedAttributes) {
        return view(excludedAttributes).apply(groups.get(ScimUsersApi.workspace(), id));
    }

    @PostMapping(value = "/Groups", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        checkAttributes(body);
        List<UUID> members = body.containsKey("members") ? members(body.get("members")) : List.of();
        ScimGroups.Group created = groups.create(ScimUsersApi.workspace(), displayName(body.get("displayName")),
                text(body.get("externalId"), "externalId"), members);
        return ResponseEntity.created(URI.create("/scim/v2/Groups/" + created.id())).contentType(ScimErrors.SCIM_JSON)
                .body(view(null).apply(created));
    }

    @PutMapping(value = "/Groups/{id}", consumes = {"application/scim+json", "application/json"})
    Map<String, Object> replace(@PathVariable String id, @RequestBody Map<String, Object> body) {
        checkAttributes(body);
        List<UUID> members = body.containsKey("members") ? members(body.get("members")) : List.of();
        return view(null).apply(groups.update(ScimUsersApi.workspace(), id, displayName(body.get("displayName")),
                text(body.get("externalId"), "externalId"), members));
    }

    /**
     * Okta sends {@code replace} without a path to rename, {@code add} on {@code members} and
     * {@code remove} on {@code members[value eq "id"]}; Entra ID sends {@code Add}/{@code Remove} on
     * {@code members} with a list of values and {@code Replace} on {@code displayName}.
     */
    @PatchMapping(value = "/Groups/{id}", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> patch(@PathVariable String id, @RequestBody Map<String, Object> body,
                                              @RequestParam(required = false) String excludedAttributes) {
        List<Map<String, Object>> operations = ScimUsersApi.operations(body);
        ScimGroups.Group updated = groups.patch(ScimUsersApi.workspace(), id, current -> change(current, operations));
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(view(excludedAttributes).apply(updated));
    }

    /** What the operations make of the group as it is now; the group is held until the change is saved. */
    private ScimGroups.Change change(ScimGroups.Group current, List<Map<String, Object>> operations) {
        String displayName = null;
        String externalId = null;
        Set<UUID> members = new LinkedHashSet<>(current.members());
        for (Map<String, Object> op : operations) {
            String verb = ((String) op.get("op")).toLowerCase(Locale.ROOT);
            if (!List.of("add", "replace", "remove").contains(verb)) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "op must be add, replace or remove");
            }
            String path = op.get("path") instanceof String p ? p.strip() : null;
            Object value = op.get("value");
            if (path == null || path.isEmpty()) {
                if ("remove".equals(verb)) {
                    throw new ScimException(HttpStatus.BAD_REQUEST, "noTarget", "remove needs a path");
                }
                if (!(value instanceof Map<?, ?> values)) {
                    throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "Without a path, the value is an object of attributes");
                }
                @SuppressWarnings("unchecked") Map<String, Object> attributes = (Map<String, Object>) values;
                checkAttributes(attributes);
                for (Map.Entry<String, Object> e : attributes.entrySet()) {
                    switch (e.getKey().toLowerCase(Locale.ROOT)) {
                        case "displayname" -> displayName = displayName(e.getValue());
                        case "externalid" -> externalId = text(e.getValue(), "externalId");
                        case "members" -> {
                            if ("replace".equals(verb)) {
                                members.clear();
                            }
                            members.addAll(members(e.getValue()));
                        }
                        default -> { } // id, schemas and meta are read-only and echoed back by Okta
                    }
                }
                continue;
            }
            Matcher one = MEMBER_PATH.matcher(path);
            if (one.matches() && "remove".equals(verb)) {
                members.remove(uuid(one.group(1)));
                continue;
            }
            switch (path.toLowerCase(Locale.ROOT)) {
                case "displayname" -> {
                    if ("remove".equals(verb)) {
                        throw new ScimException(HttpStatus.BAD_REQUEST, "mutability", "displayName cannot be removed");
                    }
                    displayName = displayName(value);
                }
                case "externalid" -> externalId = "remove".equals(verb) ? "" : text(value, "externalId");
                case "members" -> {
                    if ("remove".equals(verb)) {
                        if (value == null) {
                            members.clear();
                        } else {
                            members.removeAll(members(value));
                        }
                    } else {
                        if ("replace".equals(verb)) {
                            members.clear();
                        }
                        members.addAll(members(value));
                    }
                }
                default -> throw new ScimException(HttpStatus.BAD_REQUEST, "invalidPath", "The path " + path + " is not supported");
            }
        }
        return new ScimGroups.Change(displayName, externalId, members.equals(new LinkedHashSet<>(current.members())) ? null : members);
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        groups.delete(ScimUsersApi.workspace(), id);
        return ResponseEntity.noContent().build();
    }

    private static void checkAttributes(Map<String, Object> body) {
        List<String> unknown = body.keySet().stream().filter(k -> !ATTRIBUTES.contains(k.toLowerCase(Locale.ROOT))).toList();
        if (!unknown.isEmpty()) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidSyntax", "Unknown attribute(s): " + String.join(", ", unknown));
        }
    }

    private static String displayName(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "displayName is required");
        }
        return s;
    }

    private static String text(Object value, String attribute) {
        if (value != null && !(value instanceof String)) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", attribute + " must be a string");
        }
        return (String) value;
    }

    /** A members value: a list of {@code {"value": "<user id>"}}, or one such object. */
    private static List<UUID> members(Object value) {
        List<?> list = value instanceof List<?> l ? l : value instanceof Map<?, ?> ? List.of(value) : null;
        if (list == null) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "members is a list of {\"value\": \"<user id>\"}");
        }
        List<UUID> ids = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("value") instanceof String id)) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "each member has a value, the user's id");
            }
            ids.add(uuid(id));
        }
        return ids;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "member " + id + " is not a known user");
        }
    }

    private Function<ScimGroups.Group, Map<String, Object>> view(String excludedAttributes) {
        boolean withMembers = excludedAttributes == null || Pattern.compile("(^|,)\\s*members\\s*(,|$)", Pattern.CASE_INSENSITIVE)
                .matcher(excludedAttributes).find() == false;
        Map<UUID, Person> roster = withMembers
                ? people.list(ScimUsersApi.workspace()).stream().collect(Collectors.toMap(Person::id, p -> p))
                : Map.of();
        return g -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("schemas", List.of(GROUP));
            group.put("id", g.id().toString());
            if (g.externalId() != null && !g.externalId().isEmpty()) {
                group.put("externalId", g.externalId());
            }
            group.put("displayName", g.displayName());
            if (withMembers) {
                group.put("members", g.members().stream().map(id -> {
                    Map<String, Object> member = new LinkedHashMap<>();
                    member.put("value", id.toString());
                    Person p = roster.get(id);
                    if (p != null) {
                        member.put("display", p.name());
                    }
                    member.put("$ref", "/scim/v2/Users/" + id);
                    member.put("type", "User");
                    return member;
                }).toList());
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("resourceType", "Group");
            meta.put("created", g.createdAt().toString());
            meta.put("lastModified", g.updatedAt().toString());
            meta.put("location", "/scim/v2/Groups/" + g.id());
            group.put("meta", meta);
            return group;
        };
    }
}
