package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/invitations")
@Tag(name = "Invitations", description = "Invite people by email to join the workspace in a role")
@RequiredArgsConstructor
class InvitationsApi {

    private final Invitations invitations;

    private final MemberForms forms;

    record NewInvitation(String email, String role) {
    }

    @PostMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Email a single-use invitation link, valid for 7 days, to join in a role")
    ResponseEntity<Invitations.Pending> invite(CurrentUser user, @RequestBody NewInvitation body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(invitations.invite(user, forms.invitation(body.email(), body.role())));
    }

    @GetMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Invitations of this workspace, newest first, with when each was accepted")
    List<Invitations.Pending> list(CurrentUser user) {
        return invitations.pending(user.workspaceId());
    }

    @ExceptionHandler(Invitations.MailFailed.class)
    ProblemDetail mailFailed(Invitations.MailFailed e) {
        return ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Mail not sent", e.getMessage() + "; nothing was saved");
    }
}
