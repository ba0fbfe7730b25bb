package dev.attest.people.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The group-to-role table an admin keeps for groups that identity providers push over SCIM. */
@RestController
@RequestMapping("/api/v1/people/scim-group-roles")
@Tag(name = "People")
@RequiredArgsConstructor
class ScimGroupRolesApi {

    private final ScimGroups groups;

    @GetMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "The group-to-role table: a pushed group's name and the Attest role its members receive")
    Map<String, Object> table(CurrentUser user) {
        return view(groups.roleTable(user.workspaceId()));
    }

    @PutMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Replace the group-to-role table and apply it to the members of every pushed group",
            description = "Body: {\"groups\": {\"<group name>\": \"<role>\"}}. A member of several mapped groups gets the most "
                    + "privileged role; a member of no mapped group keeps their role.")
    Map<String, Object> save(CurrentUser user, @RequestBody Map<String, Object> body) {
        Fields.unknown(body.keySet(), Set.of("groups"));
        if (!(body.get("groups") instanceof Map<?, ?> table)) {
            throw new InvalidFieldException("groups", "must be an object mapping a group name to one of " + Role.allowed());
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        table.forEach((k, v) -> entries.put(String.valueOf(k), v));
        return view(groups.saveRoleTable(user.workspaceId(), entries));
    }

    private static Map<String, Object> view(Map<String, Role> table) {
        Map<String, String> groupsView = new LinkedHashMap<>();
        table.forEach((group, role) -> groupsView.put(group, role.wireName()));
        return Map.of("groups", groupsView);
    }
}
