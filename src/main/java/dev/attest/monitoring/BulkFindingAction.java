package dev.attest.monitoring;

import dev.attest.web.InvalidFieldException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * One action over many findings, all or none: {@code assign} takes {@code assignee}, {@code comment}
 * takes {@code text}, {@code accept} requests an exception with {@code reason}, {@code approver} and
 * {@code expiresOn}.
 */
public record BulkFindingAction(@NotEmpty(message = "name at least one finding") @Size(max = 500) List<@NotNull UUID> ids,
                                @NotBlank(message = "is required") String action, String assignee, String text, String reason,
                                String approver, String expiresOn) {

    /** What a bulk action does to every finding it names. */
    public enum Kind {
        ASSIGN, COMMENT, ACCEPT;

        static Kind parse(String value) {
            for (Kind a : values()) {
                if (a.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return a;
                }
            }
            throw new InvalidFieldException("action", "one of assign, comment, accept");
        }
    }

    public Kind kind() {
        return Kind.parse(action);
    }
}
