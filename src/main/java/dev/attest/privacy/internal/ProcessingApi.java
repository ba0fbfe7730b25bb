package dev.attest.privacy.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.privacy.CustomerAgreement;
import dev.attest.privacy.ProcessingRecord;
import dev.attest.privacy.RecordAgreement;
import dev.attest.privacy.SaveProcessingRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
class ProcessingApi {

    private static final SaveProcessingRecord EMPTY = new SaveProcessingRecord(null, null, null, null, null, null, null, null, null, null, null);

    /** An agreement as the request body sends it: {@code signedOn} as text, so that a wrong date is a field error. */
    record AgreementBody(String customer, String kind, String versionSigned, String signedOn, Boolean sccsIncluded) {
    }

    private final ProcessingRegister register;
    private final RequestForms forms;

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
    ResponseEntity<ProcessingRecord> create(CurrentUser user, @RequestBody(required = false) SaveProcessingRecord body) {
        SaveProcessingRecord command = forms.processing(body == null ? EMPTY : body);
        return ResponseEntity.status(HttpStatus.CREATED).body(register.save(user.workspaceId(), null, command, user.actor()));
    }

    @PutMapping("/processing-records/{id}")
    @RequiresPermission(Permission.PRIVACY_WRITE)
    @Operation(summary = "Replace a processing activity")
    ProcessingRecord update(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) SaveProcessingRecord body) {
        return register.save(user.workspaceId(), id, forms.processing(body == null ? EMPTY : body), user.actor());
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
    ResponseEntity<CustomerAgreement> record(CurrentUser user, @RequestBody(required = false) AgreementBody body) {
        AgreementBody input = body == null ? new AgreementBody(null, null, null, null, null) : body;
        RecordAgreement command = forms.agreement(input.customer(), input.kind(), input.versionSigned(), input.signedOn(), input.sccsIncluded());
        return ResponseEntity.status(HttpStatus.CREATED).body(register.recordAgreement(user.workspaceId(), command, user.actor()));
    }
}
