package dev.attest.people.internal;

import dev.attest.identity.MemberRoles;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.people.People;
import dev.attest.people.Person;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Groups an identity provider pushes over SCIM, and the workspace's group-to-role table: a person who
 * is also a workspace member gets the most privileged role mapped to any of their groups. Someone who
 * leaves their last mapped group falls back to {@code employee}, so removing a user from the admins'
 * group in the provider takes admin rights away; someone never in a mapped group keeps the role an
 * admin gave them, so a provider that pushes unrelated groups changes nobody.
 */
@Component
@RequiredArgsConstructor
class ScimGroups {

    /** Most privileged first: when a person is in several mapped groups, the first role here wins. */
    static final List<Role> PRECEDENCE = List.of(Role.ADMIN, Role.COMPLIANCE_MANAGER, Role.CONTROL_OWNER, Role.AUDITOR,
            Role.VIEWER, Role.EMPLOYEE);

    /** One group with its members' person ids, in the order they were added. */
    record Group(UUID id, String displayName, String externalId, Instant createdAt, Instant updatedAt, List<UUID> members) {
    }

    private final ScimGroupStore store;
    private final People people;
    private final MemberRoles roles;
    private final Clock clock;

    @Transactional(readOnly = true)
    List<Group> list(WorkspaceId workspace) {
        return store.groups(workspace);
    }

    @Transactional(readOnly = true)
    Group get(WorkspaceId workspace, String id) {
        return find(workspace, id).orElseThrow(() -> new ScimException(HttpStatus.NOT_FOUND, null, "Resource " + id + " not found"));
    }

    /** Locks the group's row until the transaction ends; an id that is no group's is left to {@link #get} to refuse. */
    private void hold(WorkspaceId workspace, String id) {
        try {
            store.lock(workspace, UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            // get answers 404
        }
    }

    private Optional<Group> find(WorkspaceId workspace, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return list(workspace).stream().filter(g -> g.id().equals(uuid)).findFirst();
    }

    @Transactional
    Group create(WorkspaceId workspace, String displayName, String externalId, Collection<UUID> members) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            store.insert(id, workspace, name(displayName), externalId, now);
        } catch (DuplicateKeyException e) {
            throw new ScimException(HttpStatus.CONFLICT, "uniqueness", "A group named " + displayName + " already exists");
        }
        Set<UUID> mappedBefore = mapped(workspace);
        setMembers(workspace, id, members);
        applyRoles(workspace, new HashSet<>(members), mappedBefore);
        return get(workspace, id.toString());
    }

    /** A group's new name, external id and members, each null for "unchanged". */
    record Change(String displayName, String externalId, Collection<UUID> members) {
    }

    /**
     * Applies a change worked out from the group as it is, with the group held from reading to saving: an
     * identity provider that sends two membership changes to one group at once (Okta and Entra ID both
     * do) gets both applied, one after the other, instead of the second writing over the first.
     */
    @Transactional
    Group patch(WorkspaceId workspace, String id, Function<Group, Change> operations) {
        hold(workspace, id);
        Group current = get(workspace, id);
        return save(workspace, current, operations.apply(current));
    }

    /**
     * Saves a group's new name, external id and members (each may be null for "unchanged"), then gives
     * everyone whose groups changed the role their groups now map to.
     */
    @Transactional
    Group update(WorkspaceId workspace, String id, String displayName, String externalId, Collection<UUID> members) {
        hold(workspace, id);
        return save(workspace, get(workspace, id), new Change(displayName, externalId, members));
    }

    /** Saves a change of a group the caller holds and has just read. */
    private Group save(WorkspaceId workspace, Group current, Change change) {
        String displayName = change.displayName();
        String externalId = change.externalId();
        Collection<UUID> members = change.members();
        Set<UUID> mappedBefore = mapped(workspace);
        Set<UUID> affected = new HashSet<>(current.members());
        if (displayName != null || externalId != null) {
            try {
                store.rename(current.id(), displayName == null ? current.displayName() : name(displayName),
                        externalId == null ? current.externalId() : externalId, clock.instant());
            } catch (DuplicateKeyException e) {
                throw new ScimException(HttpStatus.CONFLICT, "uniqueness", "A group named " + displayName + " already exists");
            }
        }
        if (members != null) {
            setMembers(workspace, current.id(), members);
            affected.addAll(members);
            store.touch(current.id(), clock.instant());
        }
        applyRoles(workspace, affected, mappedBefore);
        return get(workspace, current.id().toString());
    }

    @Transactional
    void delete(WorkspaceId workspace, String id) {
        Group current = get(workspace, id);
        Set<UUID> mappedBefore = mapped(workspace);
        store.delete(current.id());
        applyRoles(workspace, new HashSet<>(current.members()), mappedBefore);
    }

    private void setMembers(WorkspaceId workspace, UUID group, Collection<UUID> members) {
        Set<UUID> known = new HashSet<>();
        people.list(workspace).stream().filter(p -> p.removedAt() == null).forEach(p -> known.add(p.id()));
        for (UUID member : members) {
            if (!known.contains(member)) {
                throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "member " + member + " is not a known user");
            }
        }
        store.replaceMembers(group, new LinkedHashSet<>(members));
    }

    private static String name(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "displayName is required");
        }
        if (displayName.strip().length() > 200) {
            throw new ScimException(HttpStatus.BAD_REQUEST, "invalidValue", "displayName is at most 200 characters");
        }
        return displayName.strip();
    }

    /** The group-to-role table, keyed by group name as the identity provider spells it. */
    @Transactional(readOnly = true)
    Map<String, Role> roleTable(WorkspaceId workspace) {
        return store.roleTable(workspace);
    }

    /**
     * Replaces the group-to-role table, then applies it to every member of every pushed group.
     * {@code table} maps a group name to a role's wire name.
     */
    @Transactional
    Map<String, Role> saveRoleTable(WorkspaceId workspace, Map<String, Object> table) {
        Map<String, Role> parsed = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            String group = entry.getKey() == null ? "" : entry.getKey().strip();
            String field = "groups." + entry.getKey();
            if (group.isEmpty() || group.length() > 200) {
                throw new InvalidFieldException(field, "a group name is 1 to 200 characters");
            }
            if (!seen.add(group.toLowerCase(Locale.ROOT))) {
                throw new InvalidFieldException(field, "is listed twice (group names are compared without case)");
            }
            Role role = entry.getValue() instanceof String s ? Role.parse(s.strip()).orElse(null) : null;
            if (role == null) {
                throw new InvalidFieldException(field, "must be one of " + Role.allowed());
            }
            parsed.put(group, role);
        }
        Set<UUID> mappedBefore = mapped(workspace);
        store.replaceRoleTable(workspace, parsed);
        Set<UUID> everyone = new HashSet<>();
        list(workspace).forEach(g -> everyone.addAll(g.members()));
        applyRoles(workspace, everyone, mappedBefore);
        return parsed;
    }

    /** The people who are in at least one group the table maps to a role. */
    private Set<UUID> mapped(WorkspaceId workspace) {
        Set<String> table = new HashSet<>();
        roleTable(workspace).keySet().forEach(group -> table.add(group.toLowerCase(Locale.ROOT)));
        Set<UUID> mapped = new HashSet<>();
        list(workspace).stream().filter(g -> table.contains(g.displayName().toLowerCase(Locale.ROOT))).forEach(g -> mapped.addAll(g.members()));
        return mapped;
    }

    /**
     * Gives each of these people who is a workspace member the best role their groups map to, or
     * {@code employee} if they were in a mapped group before this change and are in none now.
     */
    private void applyRoles(WorkspaceId workspace, Set<UUID> persons, Set<UUID> mappedBefore) {
        if (persons.isEmpty()) {
            return;
        }
        Map<String, Role> table = new LinkedHashMap<>();
        roleTable(workspace).forEach((group, role) -> table.put(group.toLowerCase(Locale.ROOT), role));
        List<Group> groups = list(workspace);
        for (Person person : people.list(workspace)) {
            if (!persons.contains(person.id()) || person.removedAt() != null) {
                continue;
            }
            Optional<Role> best = groups.stream().filter(g -> g.members().contains(person.id()))
                    .map(g -> table.get(g.displayName().toLowerCase(Locale.ROOT)))
                    .filter(java.util.Objects::nonNull)
                    .min(Comparator.comparingInt(PRECEDENCE::indexOf));
            if (best.isPresent()) {
                roles.provisionRole(workspace, person.email(), best.get(), "scim");
            } else if (mappedBefore.contains(person.id())) {
                roles.provisionRole(workspace, person.email(), Role.EMPLOYEE, "scim");
            }
        }
    }
}
