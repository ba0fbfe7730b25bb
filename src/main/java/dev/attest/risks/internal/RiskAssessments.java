package dev.attest.risks.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.risks.RiskAssessment;
import dev.attest.risks.RiskAssessmentRecorded;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.attest.web.FieldChecks.trimmed;

/** The risk assessments a workspace keeps: the yearly one the frameworks ask for, or one after a material change. */
@Service
@RequiredArgsConstructor
public class RiskAssessments {

    private final RiskStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<RiskAssessment> assessments(WorkspaceId workspace) {
        return store.assessments(workspace);
    }

    /** Records an assessment on a day not in the future, with what it found; every bad field is named at once. */
    @Transactional
    public RiskAssessment record(WorkspaceId workspace, String assessedOn, String summary, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String day = trimmed(assessedOn);
        LocalDate date = null;
        if (day == null) {
            errors.put("assessedOn", "give a date as YYYY-MM-DD");
        } else {
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                errors.put("assessedOn", "'" + day + "' is not a date as YYYY-MM-DD");
            }
        }
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            errors.put("assessedOn", "cannot be in the future");
        }
        String text = trimmed(summary);
        if (text == null) {
            errors.put("summary", "say what the assessment found");
        } else if (text.length() > 8000) {
            errors.put("summary", "at most 8000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        RiskAssessment assessment = new RiskAssessment(UUID.randomUUID(), date, text, actor, clock.instant());
        store.insertAssessment(workspace, assessment);
        events.publishEvent(new RiskAssessmentRecorded(workspace, actor, assessment));
        return assessment;
    }
}
