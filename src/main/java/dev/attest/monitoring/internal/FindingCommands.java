package dev.attest.monitoring.internal;

import dev.attest.web.InvalidFieldException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The typed commands that work a finding, shared by the API and the pages; field names are the API's. */
final class FindingCommands {

    private FindingCommands() {
    }

    /** Give the finding to a member; blank takes it back to the control's owner. */
    record AssignFinding(@Size(max = 320) String assignee) {
        String member() {
            return assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(Locale.ROOT);
        }
    }

    record CommentOnFinding(@NotBlank(message = "is required") @Size(max = 900) String text) {
    }

    /** The ticket that tracks the fix, as a web address. */
    record LinkTicket(@NotBlank(message = "is required") @Size(max = 2000) String ticketUrl) {
        /** The address, refused unless it is an absolute http or https URL with a host. */
        String url() {
            try {
                URI uri = new URI(ticketUrl.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (java.net.URISyntaxException e) {
                // refused below, like any other address that is not a web link
            }
            throw new InvalidFieldException("ticketUrl", "an http or https address such as https://tracker.example/PROJ-12");
        }
    }

    /** Ask that the finding's risk be accepted until a day, by an approver other than the one asking. */
    record RequestRiskAcceptance(@NotBlank(message = "is required") @Size(max = 900) String reason,
                                 @NotBlank(message = "is required") @Size(max = 320) String approver,
                                 @NotBlank(message = "is required, as a date such as 2027-03-31") String expiresOn) {
        String approverEmail() {
            return approver.strip().toLowerCase(Locale.ROOT);
        }

        LocalDate expiryDay() {
            try {
                return LocalDate.parse(expiresOn.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("expiresOn", "a date such as 2027-03-31");
            }
        }
    }

    /** What a bulk action does to every finding it names. */
    enum BulkAction {
        ASSIGN, COMMENT, ACCEPT;

        static BulkAction parse(String value) {
            for (BulkAction a : values()) {
                if (a.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return a;
                }
            }
            throw new InvalidFieldException("action", "one of assign, comment, accept");
        }
    }

    /**
     * One action over many findings, all or none: {@code assign} takes {@code assignee}, {@code comment}
     * takes {@code text}, {@code accept} requests an exception with {@code reason}, {@code approver} and
     * {@code expiresOn}.
     */
    record BulkFindingAction(@NotEmpty(message = "name at least one finding") @Size(max = 500) List<@NotNull UUID> ids,
                             @NotBlank(message = "is required") String action, String assignee, String text, String reason,
                             String approver, String expiresOn) {
        BulkAction kind() {
            return BulkAction.parse(action);
        }
    }
}
