package dev.attest.people.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.people.Person;
import io.swagger.v3.oas.annotations.Hidden;
import lombok.RequiredArgsConstructor;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
@PreAuthorize("hasAuthority('scim:provision')")
@RequiredArgsConstructor
class ScimUsersApi {

    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Pattern FILTER = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9.:_-]*)\\s+(\\w+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    private final Roster people;
    private final PeopleForms forms;
    private final ScimGroups groups;

    static WorkspaceId workspace() {
        return ((ScimSecurity.ScimClient) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).workspaceId();
    }

    @GetMapping("/Users")
    Map<String, Object> list(@RequestParam(required = false) String filter, @RequestParam(defaultValue = "1") int startIndex,
                             @RequestParam(defaultValue = "100") int count) {
        Predicate<Person> matches = filter == null || filter.isBlank() ? p -> true : filter(filter);
        List<Person> all = people.list(workspace()).stream().filter(p -> p.removedAt() == null).filter(matches).toList();
        List<ScimGroups.Group> pushed = groups.list(workspace());
        return listResponse(all, startIndex, count, p -> ScimUserFormat.user(p, all, pushed));
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
    Map<String, Object> get(@PathVariable String id) {
        return ScimUserFormat.user(find(id), people.list(workspace()), groups.list(workspace()));
    }

    @PostMapping(value = "/Users", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        ScimUserFormat.Scim scim = read(body);
        Person created = people.add(workspace(), forms.person(workspace(), null, scim.form(null)), scim.externalId(), "scim");
        if (!scim.active()) {
            created = deactivate(created);
        }
        Map<String, Object> user = ScimUserFormat.user(created, people.list(workspace()), groups.list(workspace()));
        return ResponseEntity.created(URI.create("/scim/v2/Users/" + created.id())).contentType(ScimErrors.SCIM_JSON).body(user);
    }

    @PutMapping(value = "/Users/{id}", consumes = {"application/scim+json", "application/json"})
    Map<String, Object> replace(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return apply(find(id), read(body));
    }

    @PatchMapping(value = "/Users/{id}", consumes = {"application/scim+json", "application/json"})
    Map<String, Object> patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Person person = find(id);
        List<Map<String, Object>> operations = operations(body);
        Map<String, Object> user = ScimUserFormat.user(person, people.list(workspace()), groups.list(workspace()));
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
    ResponseEntity<Void> delete(@PathVariable String id) {
        people.remove(workspace(), find(id).id(), "scim");
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> apply(Person current, ScimUserFormat.Scim scim) {
        Person updated = people.update(workspace(), current.id(), forms.person(workspace(), current, scim.form(current)), "scim");
        if (scim.externalId() != null && !scim.externalId().equals(updated.externalId())) {
            updated = people.linkExternalId(workspace(), updated.id(), scim.externalId());
        }
        if (!scim.active() && (updated.endDate() == null || updated.endDate().isAfter(ScimUserFormat.today()))) {
            updated = deactivate(updated);
        }
        return ScimUserFormat.user(updated, people.list(workspace()), groups.list(workspace()));
    }

    private Person deactivate(Person p) {
        return people.update(workspace(), p.id(), forms.endDate(workspace(), p, ScimUserFormat.today().toString()), "scim");
    }

    private ScimUserFormat.Scim read(Map<String, Object> body) {
        return ScimUserFormat.read(body, this::managerEmail);
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


    /** A manager is referenced by SCIM id; the roster keeps the manager's email. */
    private String managerEmail(String scimId) {
        try {
            return people.get(workspace(), UUID.fromString(scimId)).email();
        } catch (IllegalArgumentException | dev.attest.web.NotFoundException e) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "manager " + scimId + " is not a known user");
        }
    }

}
