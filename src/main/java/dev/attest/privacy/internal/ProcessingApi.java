package dev.attest.privacy.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.privacy.CustomerAgreement;
import dev.attest.privacy.ProcessingRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Records of processing and the customer DPA/BAA register through the API. */
@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "Privacy records", description = "Records of processing (GDPR Art. 30) and customer DPAs and BAAs")
class ProcessingApi {

    private static final ProcessingRegister.ProcessingInput EMPTY =
            new ProcessingRegister.ProcessingInput(null, null, null, null, null, null, null, null, null, null, null);

    private final ProcessingRegister register;

    ProcessingApi(ProcessingRegister register) {
        this.register = register;
    }

    @GetMapping("/processing-records")
    @RequiresPermission(Permission.PRIVACY_READ)
    @Operation(summary = "List the processing activities")
    List<ProcessingRecord> records(CurrentUser user) {
        return register.records(user.workspaceId());
    }

    @GetMapping("/processing-records/{id}")
    @RequiresPermission(Permission.PRIVACY_READ)
    @Operation(summary = "One processing activity")
    ProcessingRecord record(CurrentUser user, @PathVariable UUID id) {
        return register.record(user.workspaceId(), id);
    }

    @PostMapping("/processing-records")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Record a processing activity; control keys must exist in the catalog")
    ResponseEntity<ProcessingRecord> create(CurrentUser user, @RequestBody(required = false) ProcessingRegister.ProcessingInput body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(register.save(user.workspaceId(), null, body == null ? EMPTY : body, user.actor()));
    }

    @PutMapping("/processing-records/{id}")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Replace a processing activity")
    ProcessingRecord update(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) ProcessingRegister.ProcessingInput body) {
        return register.save(user.workspaceId(), id, body == null ? EMPTY : body, user.actor());
    }

    @GetMapping("/agreements")
    @RequiresPermission(Permission.PRIVACY_READ)
    @Operation(summary = "List the customer DPAs and BAAs signed")
    List<CustomerAgreement> agreements(CurrentUser user) {
        return register.agreements(user.workspaceId());
    }

    @PostMapping("/agreements")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Record a DPA or BAA a customer signed")
    ResponseEntity<CustomerAgreement> record(CurrentUser user, @RequestBody(required = false) ProcessingRegister.AgreementInput body) {
        ProcessingRegister.AgreementInput input = body == null ? new ProcessingRegister.AgreementInput(null, null, null, null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(register.recordAgreement(user.workspaceId(), input, user.actor()));
    }
}
