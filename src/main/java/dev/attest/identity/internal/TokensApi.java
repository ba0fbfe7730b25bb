package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Personal and service tokens: created, listed, revoked")
@RequiredArgsConstructor
class TokensApi {

    private final ApiTokens tokens;

    @GetMapping
    @RequiresPermission(Permission.ACCOUNT_SELF)
    @Operation(summary = "Your tokens (an admin sees every token of the workspace); values are never shown again")
    List<ApiTokens.TokenView> list(CurrentUser user) {
        return tokens.list(user);
    }

    record NewToken(String name, String kind, String scope, String role, String expiresOn) {
    }

    @PostMapping
    @RequiresPermission(Permission.ACCOUNT_SELF)
    @Operation(summary = "Create a token: name, scope (read or read_write), kind (personal, or service for admins, with a role), "
            + "expiresOn (yyyy-mm-dd, default in 90 days, at most 366). The answer holds the value, shown this once.")
    ResponseEntity<ApiTokens.Issued> create(CurrentUser user, @RequestBody NewToken body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(user, body.kind(), body.name(), body.scope(), body.role(), body.expiresOn()));
    }

    record NewOwner(String email) {
    }

    @PostMapping("/{tokenId}/owner")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Hand a service token to another active member (email), who then answers for it: it works only while "
            + "that member is active, and never beyond their role")
    ApiTokens.TokenView transfer(CurrentUser user, @PathVariable UUID tokenId, @RequestBody(required = false) NewOwner body) {
        return tokens.transfer(user, tokenId, body == null ? null : body.email());
    }

    @DeleteMapping("/{tokenId}")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable UUID tokenId) {
        tokens.revoke(user, tokenId);
        return ResponseEntity.noContent().build();
    }
}
