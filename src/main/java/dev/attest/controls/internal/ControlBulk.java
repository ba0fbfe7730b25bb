package dev.attest.controls.internal;

import dev.attest.controls.ControlChange;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * One owner or status change over many controls, all or none: every control goes through the same
 * update (and its checks, event and audit entry) as when it is changed alone, in one transaction,
 * so one refused control leaves them all as they were.
 */
@Service
class ControlBulk {

    /**
     * The change: {@code owner} (a member's email, or "none" to clear it) and/or {@code status};
     * a field left out keeps each control's own value. {@code justification} goes with not_applicable.
     */
    record ChangeControls(@NotEmpty(message = "name at least one control") @Size(max = 500) List<String> keys, String owner,
                          String status, String justification) {
    }

    private final WorkspaceControls controls;
    private final dev.attest.web.CommandValidation commands;

    ControlBulk(WorkspaceControls controls, dev.attest.web.CommandValidation commands) {
        this.controls = controls;
        this.commands = commands;
    }

    @Transactional
    int apply(CurrentUser user, ChangeControls command) {
        commands.valid(command);
        boolean ownerGiven = command.owner() != null && !command.owner().isBlank();
        boolean statusGiven = command.status() != null && !command.status().isBlank();
        if (!ownerGiven && !statusGiven) {
            throw new InvalidFieldException("owner", "give an owner, a status or both");
        }
        ImplementationStatus status = !statusGiven ? null : ImplementationStatus.fromWireName(command.status().strip())
                .orElseThrow(() -> new InvalidFieldException("status", "choose one of " + ImplementationStatus.allowed()));
        int changed = 0;
        for (String key : new LinkedHashSet<>(command.keys())) {
            ControlState before;
            try {
                before = controls.get(user.workspaceId(), key);
            } catch (NotFoundException e) {
                throw new InvalidFieldException("keys", "no control " + key);
            }
            String owner = !ownerGiven ? before.owner() : "none".equals(command.owner().strip()) ? null : command.owner();
            String justification = command.justification() != null && !command.justification().isBlank() ? command.justification()
                    : before.justification();
            ControlState after = controls.update(user.workspaceId(), key,
                    new ControlChange(status == null ? before.status() : status, owner, justification, before.notes()), user);
            changed += after == before ? 0 : 1;
        }
        return changed;
    }
}
