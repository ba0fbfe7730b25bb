package dev.attest.controls.internal;

import dev.attest.controls.ChangeControls;
import dev.attest.controls.ControlChange;
import dev.attest.controls.ControlState;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;

/**
 * One owner or status change over many controls, all or none: every control goes through the same
 * update (and its checks, event and audit entry) as when it is changed alone, in one transaction,
 * so one refused control leaves them all as they were.
 */
@Service
@RequiredArgsConstructor
class ControlBulk {

    private final ControlLibrary library;
    private final ControlEdits edits;

    /** Applies the change (as {@link ControlForms#bulk} made it) and returns how many controls changed. */
    @Transactional
    int apply(CurrentUser user, ChangeControls command) {
        int changed = 0;
        for (String key : new LinkedHashSet<>(command.keys())) {
            ControlState before;
            try {
                before = library.get(user.workspaceId(), key);
            } catch (NotFoundException e) {
                throw new InvalidFieldException("keys", "no control " + key);
            }
            String owner = command.owner() == null ? before.owner() : command.clearsOwner() ? null : command.owner();
            String justification = command.justification() != null ? command.justification() : before.justification();
            ControlState after = edits.update(user.workspaceId(), key,
                    new ControlChange(command.status() == null ? before.status() : command.status(), owner, justification, before.notes()), user);
            changed += after == before ? 0 : 1;
        }
        return changed;
    }
}
