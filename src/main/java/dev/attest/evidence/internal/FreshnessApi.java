package dev.attest.evidence.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.evidence.ControlFreshness;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.evidence.EvidenceItem;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
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
import java.util.Map;

@RestController
@RequestMapping("/api/v1/evidence")
@Tag(name = "Evidence freshness and attestations", description = "How long evidence keeps each control proven, and owners' attestations")
@RequiredArgsConstructor
class FreshnessApi {

    private final EvidenceFreshness freshness;

    @GetMapping("/freshness")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "Every control's evidence freshness: its window in days, newest evidence and when it lapses")
    List<ControlFreshness> all(CurrentUser user) {
        return freshness.all(user.workspaceId());
    }

    @GetMapping("/freshness/{control}")
    @RequiresPermission(Permission.EVIDENCE_READ)
    @Operation(summary = "One control's evidence freshness")
    ControlFreshness one(CurrentUser user, @PathVariable String control) {
        return freshness.of(user.workspaceId(), control);
    }

    @PutMapping("/freshness/{control}")
    @RequiresPermission(Permission.EVIDENCE_WRITE)
    @Operation(summary = "Set how many days evidence keeps a control proven (1 to 3660; the default follows its frequency)")
    ControlFreshness set(CurrentUser user, @PathVariable String control, @RequestBody(required = false) Map<String, Object> body) {
        Object days = body == null ? null : body.get("days");
        if (!(days instanceof Integer) && !(days instanceof Long)) {
            throw new InvalidFieldException("days", "must be a whole number of days from 1 to " + EvidenceFreshness.MAX_DAYS);
        }
        long value = ((Number) days).longValue();
        return freshness.setDays(user.workspaceId(), control, value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? 0 : (int) value,
                user.actor());
    }

    @PostMapping("/attestations")
    @RequiresPermission(Permission.EVIDENCE_WRITE)
    @Operation(summary = "The control's owner confirms it operates, with a comment: stored as evidence in the ledger (403 for anyone else)")
    ResponseEntity<EvidenceItem> attest(CurrentUser user, @RequestBody(required = false) Map<String, Object> body) {
        Object control = body == null ? null : body.get("control");
        if (!(control instanceof String key) || key.isBlank()) {
            throw new InvalidFieldException("control", "name the control you attest to");
        }
        Object comment = body.get("comment");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(freshness.attest(user.workspaceId(), key.strip(), user.email(), comment instanceof String s ? s : null));
    }
}
