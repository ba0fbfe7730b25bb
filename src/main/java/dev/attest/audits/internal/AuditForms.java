package dev.attest.audits.internal;

import dev.attest.audits.AdvanceAudit;
import dev.attest.audits.AnswerFinding;
import dev.attest.audits.AuditAction;
import dev.attest.audits.DrawSample;
import dev.attest.audits.EditSoaEntry;
import dev.attest.audits.FindingKind;
import dev.attest.audits.InviteAuditor;
import dev.attest.audits.MoveRequest;
import dev.attest.audits.RaiseFinding;
import dev.attest.audits.RaiseRequest;
import dev.attest.audits.RequestAction;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit pages' forms as typed commands: dates, numbers, lists and choices converted field by
 * field and the command checked, so a form shows every bad field at once, under the field names the
 * API uses. The API receives the same commands as JSON; the use cases check them again, after
 * access, and apply the rules over stored state.
 */
@Component
@RequiredArgsConstructor
class AuditForms {

    private final Validator validator;
    private final Clock clock;

    AdvanceAudit advance(Map<String, String> form) {
        Submission s = submission();
        AuditAction action = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(form.get("action"))).findFirst()
                .orElseGet(() -> s.reject("action", "choose what to do with the audit"));
        return s.valid(new AdvanceAudit(action));
    }

    InviteAuditor invitation(Map<String, String> form) {
        Submission s = submission();
        return s.valid(new InviteAuditor(text(form, "email"), date(s, form, "accessEndsOn"), form.containsKey("endsWithAudit")));
    }

    RaiseRequest request(Map<String, String> form) {
        Submission s = submission();
        return s.valid(new RaiseRequest(text(form, "reference"), text(form, "request"), text(form, "control"), text(form, "assignee"),
                date(s, form, "dueOn")));
    }

    MoveRequest move(Map<String, String> form) {
        Submission s = submission();
        RequestAction action = choice(s, "action", String.valueOf(form.get("action")), RequestAction.class);
        return s.valid(new MoveRequest(action, text(form, "comment")));
    }

    /** A sample to draw; the size is a whole number of at least 1, the seed any whole number. */
    DrawSample sample(Map<String, String> form) {
        Submission s = submission();
        Long size = number(s, form, "size");
        if (size != null && (size < 1 || size > Integer.MAX_VALUE)) {
            s.reject("size", "must be a whole number of at least 1");
            size = null;
        }
        return s.valid(new DrawSample(text(form, "population"), text(form, "control"), size == null ? null : size.intValue(),
                text(form, "frequency"), number(s, form, "seed")));
    }

    RaiseFinding finding(Map<String, String> form) {
        Submission s = submission();
        String kind = text(form, "kind");
        return s.valid(new RaiseFinding(kind == null ? null : choice(s, "kind", kind, FindingKind.class), text(form, "title"),
                text(form, "description"), list(form, "requirements"), list(form, "controls")));
    }

    AnswerFinding answer(Map<String, String> form) {
        Submission s = submission();
        return s.valid(new AnswerFinding(text(form, "clientResponse"), text(form, "rootCause"), text(form, "correctiveAction"),
                text(form, "owner"), date(s, form, "dueOn")));
    }

    /** A statement of applicability entry as the page edits it: applicable yes or no, its justification and implementation. */
    EditSoaEntry soaEntry(Map<String, String> form) {
        Submission s = submission();
        String applicable = text(form, "applicable");
        if (!"yes".equals(applicable) && !"no".equals(applicable)) {
            s.reject("applicable", "choose yes or no");
        }
        return s.valid(new EditSoaEntry(s.rejected("applicable") ? null : "yes".equals(applicable), text(form, "justification"),
                text(form, "implementation"), null));
    }

    private Submission submission() {
        return new Submission(validator, clock);
    }

    /** A form field, stripped; null when blank. */
    static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(Submission s, Map<String, String> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return s.reject(name, "must be a date such as 2027-01-31");
        }
    }

    private static Long number(Submission s, Map<String, String> form, String name) {
        String value = text(form, name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return s.reject(name, "must be a whole number");
        }
    }

    private static <E extends Enum<E> & WireName> E choice(Submission s, String name, String value, Class<E> type) {
        try {
            return WireName.require(type, value);
        } catch (IllegalArgumentException e) {
            return s.reject(name, e.getMessage());
        }
    }

    /** A comma- or semicolon-separated list field. */
    private static List<String> list(Map<String, String> form, String name) {
        String value = text(form, name);
        return value == null ? List.of() : Arrays.stream(value.split("[,;]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
