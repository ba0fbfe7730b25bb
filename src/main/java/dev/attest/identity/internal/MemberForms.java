package dev.attest.identity.internal;

import dev.attest.identity.ChangeRole;
import dev.attest.identity.InviteMember;
import dev.attest.identity.Role;
import dev.attest.web.FieldChecks;
import dev.attest.web.Submission;
import dev.attest.web.WireName;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The member administration's text, from the pages' forms and the API's bodies alike, as typed commands:
 * the role by its wire name, the expiry as a date, every bad field named at once under the request's names.
 */
@Component
@RequiredArgsConstructor
class MemberForms {

    private final Validator validator;
    private final Clock clock;

    InviteMember invitation(String email, String role) {
        Submission s = new Submission(validator, clock);
        return s.valid(new InviteMember(email, role(s, role)));
    }

    ChangeRole roleChange(String role, String expiresOn) {
        Submission s = new Submission(validator, clock);
        Role chosen = role(s, role);
        String day = FieldChecks.trimmed(expiresOn);
        LocalDate expires = null;
        if (day != null && chosen != null && chosen != Role.AUDITOR) {
            s.reject("expiresOn", "only an auditor's membership expires");
        } else if (day != null) {
            try {
                expires = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                s.reject("expiresOn", "must be a date such as 2027-01-31");
            }
        }
        return s.valid(new ChangeRole(chosen, expires));
    }

    private static Role role(Submission s, String value) {
        return WireName.parse(Role.class, value == null ? "" : value.strip())
                .orElseGet(() -> s.reject("role", "must be one of " + WireName.allowed(Role.class)));
    }
}
