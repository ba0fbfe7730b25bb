package dev.attest.privacy.internal;

import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.privacy.DataSubjectRequest;
import dev.attest.privacy.NewRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Data-subject requests through the API. The requester's personal data is shown only to those who may act on it. */
@RestController
@RequestMapping("/api/v1/privacy/requests")
@Tag(name = "Privacy requests", description = "Data-subject requests under GDPR and CCPA, with their deadlines")
@RequiredArgsConstructor
class PrivacyRequestsApi {

    record Extension(String reason) {
    }

    record Assignment(String assignee) {
    }

    record Verification(String method) {
    }

    record NewTask(String system) {
    }

    record TaskCompletion(String note) {
    }

    record Response(String response) {
    }

    record Closure(String outcome, String reason) {
    }

    private final DataSubjectRequests requests;
    private final RequestForms forms;

    @GetMapping
    @RequiresPermission(Permission.PRIVACY_READ)
    @Operation(summary = "List requests, open ones first by deadline")
    List<DataSubjectRequest> list(CurrentUser user) {
        return requests.list(user.workspaceId(), user.can(Permission.PRIVACY_WRITE));
    }

    @PostMapping
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Record a request received by staff (email, phone, letter)")
    ResponseEntity<DataSubjectRequest> create(CurrentUser user, @RequestBody(required = false) NewRequest body) {
        DataSubjectRequest created = requests.receive(user.workspaceId(), forms.receipt(body), "staff", user.actor());
        return ResponseEntity.created(URI.create("/api/v1/privacy/requests/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.PRIVACY_READ)
    @Operation(summary = "One request with its deadline, tasks and response")
    DataSubjectRequest get(CurrentUser user, @PathVariable UUID id) {
        return requests.get(user.workspaceId(), id, user.can(Permission.PRIVACY_WRITE));
    }

    @PostMapping("/{id}/extension")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Extend the deadline once, with the reason told to the requester")
    DataSubjectRequest extend(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Extension body) {
        return requests.extend(user.workspaceId(), id, forms.extension(body == null ? null : body.reason()), user.actor());
    }

    @PostMapping("/{id}/assignment")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Give the request to a member, who then owns its deadline on the obligations calendar")
    DataSubjectRequest assign(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Assignment body) {
        return requests.assign(user.workspaceId(), id, forms.assignment(body == null ? null : body.assignee()), user.actor());
    }

    @PostMapping("/{id}/identity-verification")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Record how the requester's identity was verified")
    DataSubjectRequest verify(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Verification body) {
        return requests.verifyIdentity(user.workspaceId(), id, forms.verification(body == null ? null : body.method()), user.actor());
    }

    @PostMapping("/{id}/tasks")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Add a task for a system that holds the person's data")
    ResponseEntity<DataSubjectRequest> addTask(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) NewTask body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(requests.addTask(user.workspaceId(), id, forms.task(body == null ? null : body.system()), user.actor()));
    }

    @PostMapping("/{id}/tasks/{taskId}/completion")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Mark a system task done")
    DataSubjectRequest completeTask(CurrentUser user, @PathVariable UUID id, @PathVariable UUID taskId,
                                    @RequestBody(required = false) TaskCompletion body) {
        return requests.completeTask(user.workspaceId(), id, forms.completion(taskId, body == null ? null : body.note()), user.actor());
    }

    @PostMapping("/{id}/response")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Record the response sent to the requester")
    DataSubjectRequest respond(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Response body) {
        return requests.recordResponse(user.workspaceId(), id, forms.response(body == null ? null : body.response()), user.actor());
    }

    @PostMapping("/{id}/closure")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Close the request as fulfilled or denied")
    DataSubjectRequest close(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Closure body) {
        return requests.close(user.workspaceId(), id, forms.closure(body == null ? null : body.outcome(), body == null ? null : body.reason()),
                user.actor());
    }
}
