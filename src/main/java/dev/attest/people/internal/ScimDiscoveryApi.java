package dev.attest.people.internal;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SCIM discovery endpoints (RFC 7643 sections 5-7) that Okta and Entra ID read when a connection
 * is set up. They describe exactly what Attest keeps: attributes a provider may send but Attest drops
 * (password, addresses, phone numbers, a user's groups) are not listed, and only the {@code eq}
 * filter, PATCH and bearer tokens are offered.
 */
@RestController
@RequestMapping(value = "/scim/v2", produces = {"application/scim+json", "application/json"})
@Hidden
@PreAuthorize("hasAuthority('scim:provision')")
class ScimDiscoveryApi {

    private static final String CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    private static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    @GetMapping("/ServiceProviderConfig")
    Map<String, Object> serviceProviderConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("schemas", List.of(CONFIG));
        config.put("patch", Map.of("supported", true));
        config.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        config.put("filter", Map.of("supported", true, "maxResults", 1000));
        config.put("changePassword", Map.of("supported", false));
        config.put("sort", Map.of("supported", false));
        config.put("etag", Map.of("supported", false));
        config.put("authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "SCIM bearer token",
                "description", "A token created by a workspace admin (People > SCIM tokens), sent as Authorization: Bearer <token>",
                "primary", true)));
        config.put("meta", Map.of("resourceType", "ServiceProviderConfig", "location", "/scim/v2/ServiceProviderConfig"));
        return config;
    }

    @GetMapping("/Schemas")
    Map<String, Object> schemas() {
        List<Map<String, Object>> all = List.of(userSchema(), enterpriseSchema(), groupSchema());
        return ScimUsersApi.listResponse(all, 1, all.size(), s -> s);
    }

    @GetMapping("/Schemas/{id}")
    Map<String, Object> schema(@PathVariable String id) {
        return List.of(userSchema(), enterpriseSchema(), groupSchema()).stream().filter(s -> s.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new ScimException(HttpStatus.NOT_FOUND, null, "Schema " + id + " not found"));
    }

    @GetMapping("/ResourceTypes")
    Map<String, Object> resourceTypes() {
        List<Map<String, Object>> all = List.of(userType(), groupType());
        return ScimUsersApi.listResponse(all, 1, all.size(), t -> t);
    }

    @GetMapping("/ResourceTypes/{id}")
    Map<String, Object> resourceType(@PathVariable String id) {
        return List.of(userType(), groupType()).stream().filter(t -> t.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new ScimException(HttpStatus.NOT_FOUND, null, "Resource type " + id + " not found"));
    }

    private static Map<String, Object> userType() {
        Map<String, Object> type = resourceType("User", "/Users", "A person on the roster; userName is the work email", ScimUserFormat.USER);
        type.put("schemaExtensions", List.of(Map.of("schema", ScimUserFormat.ENTERPRISE, "required", false)));
        return type;
    }

    private static Map<String, Object> groupType() {
        return resourceType("Group", "/Groups", "A group of users; the group-to-role table gives its members an Attest role",
                ScimGroupsApi.GROUP);
    }

    private static Map<String, Object> resourceType(String id, String endpoint, String description, String schema) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of(RESOURCE_TYPE));
        type.put("id", id);
        type.put("name", id);
        type.put("endpoint", endpoint);
        type.put("description", description);
        type.put("schema", schema);
        type.put("meta", Map.of("resourceType", "ResourceType", "location", "/scim/v2/ResourceTypes/" + id));
        return type;
    }

    private static Map<String, Object> userSchema() {
        return schema(ScimUserFormat.USER, "User", "User Account", List.of(
                attribute("userName", "string", "readWrite", true, "server", "The work email; compared without case"),
                attribute("name", "complex", "readWrite", false, "none", "The person's name", List.of(
                        attribute("formatted", "string", "readWrite", false, "none", "The full name"),
                        attribute("givenName", "string", "readWrite", false, "none", "Given name"),
                        attribute("familyName", "string", "readWrite", false, "none", "Family name"))),
                attribute("displayName", "string", "readWrite", false, "none", "Used as the name when no name is sent"),
                attribute("title", "string", "readWrite", false, "none", "Job title"),
                attribute("userType", "string", "readWrite", false, "none", "employee, contractor or intern"),
                attribute("active", "boolean", "readWrite", false, "none", "false sets the end date and opens offboarding"),
                multiValued(attribute("emails", "complex", "readWrite", false, "none", "The first email is the userName when none is sent",
                        List.of(attribute("value", "string", "readWrite", false, "none", "Email address"),
                                attribute("type", "string", "readWrite", false, "none", "work"),
                                attribute("primary", "boolean", "readWrite", false, "none", "The primary email")))),
                attribute("externalId", "string", "readWrite", false, "none", "The identity provider's id for the user")));
    }

    private static Map<String, Object> enterpriseSchema() {
        return schema(ScimUserFormat.ENTERPRISE, "EnterpriseUser", "Enterprise User", List.of(
                attribute("department", "string", "readWrite", false, "none", "Department"),
                attribute("manager", "complex", "readWrite", false, "none", "The manager, a user of this service", List.of(
                        attribute("value", "string", "readWrite", false, "none", "The manager's id")))));
    }

    private static Map<String, Object> groupSchema() {
        return schema(ScimGroupsApi.GROUP, "Group", "Group", List.of(
                attribute("displayName", "string", "readWrite", true, "server", "The group's name, looked up in the group-to-role table"),
                multiValued(attribute("members", "complex", "readWrite", false, "none", "The users in the group", List.of(
                        attribute("value", "string", "immutable", false, "none", "A user's id"),
                        attribute("display", "string", "readOnly", false, "none", "The user's name")))),
                attribute("externalId", "string", "readWrite", false, "none", "The identity provider's id for the group")));
    }

    private static Map<String, Object> schema(String id, String name, String description, List<Map<String, Object>> attributes) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("schemas", List.of(SCHEMA));
        schema.put("id", id);
        schema.put("name", name);
        schema.put("description", description);
        schema.put("attributes", attributes);
        schema.put("meta", Map.of("resourceType", "Schema", "location", "/scim/v2/Schemas/" + id));
        return schema;
    }

    private static Map<String, Object> attribute(String name, String type, String mutability, boolean required, String uniqueness,
                                                 String description) {
        return attribute(name, type, mutability, required, uniqueness, description, null);
    }

    private static Map<String, Object> attribute(String name, String type, String mutability, boolean required, String uniqueness,
                                                 String description, List<Map<String, Object>> subAttributes) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("name", name);
        attribute.put("type", type);
        attribute.put("multiValued", false);
        attribute.put("description", description);
        attribute.put("required", required);
        attribute.put("caseExact", false);
        attribute.put("mutability", mutability);
        attribute.put("returned", "default");
        attribute.put("uniqueness", uniqueness);
        if (subAttributes != null) {
            attribute.put("subAttributes", subAttributes);
        }
        return attribute;
    }

    private static Map<String, Object> multiValued(Map<String, Object> attribute) {
        attribute.put("multiValued", true);
        return attribute;
    }
}
