package dev.attest.obligations.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.ChangeReminderLeadTime;
import dev.attest.obligations.DutyKind;
import dev.attest.obligations.ScheduleDuty;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Turns what a page's form or an API request sent, as text, into the module's typed commands: the
 * same conversions and messages for both, every bad field named at once.
 */
@Component
@RequiredArgsConstructor
class ObligationForms {

    static final String NOT_A_MEMBER = "is not a member of this workspace";

    private final Validator validator;
    private final Clock clock;
    private final RecurringDuties duties;

    ScheduleDuty schedule(WorkspaceId workspace, String kind, String title, String owner, String firstDue) {
        Submission s = new Submission(validator, clock);
        DutyKind parsed = WireName.parse(DutyKind.class, kind).orElseGet(() -> s.reject("kind", "choose one of " + WireName.allowed(DutyKind.class)));
        LocalDate due = null;
        try {
            due = LocalDate.parse(firstDue == null ? "" : firstDue.strip());
        } catch (DateTimeParseException e) {
            s.reject("firstDue", "is not a date (YYYY-MM-DD)");
        }
        ScheduleDuty command = new ScheduleDuty(parsed, title, owner, due);
        if (command.owner() != null && !duties.member(workspace, command.owner())) {
            s.reject("owner", NOT_A_MEMBER);
        }
        return s.valid(command);
    }

    ChangeReminderLeadTime reminderLeadTime(Integer days) {
        return new Submission(validator, clock).valid(new ChangeReminderLeadTime(days));
    }
}
