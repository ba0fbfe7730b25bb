package dev.attest.trustcenter.internal;

import dev.attest.trustcenter.EditDraft;
import dev.attest.trustcenter.Faq;
import dev.attest.trustcenter.RequestDocumentAccess;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.Submission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what the editor's form or a visitor's request form sent, as text, into the module's typed values: the
 * same conversions and messages wherever they are read, every bad field named at once under the form's names.
 * The API receives the draft as JSON already typed; both go through {@link DraftChecks} when saved.
 */
@Component
@RequiredArgsConstructor
class TrustCenterForms {

    private final Validator validator;
    private final Clock clock;

    /** A visitor's request for a gated document, or every problem with it at once. */
    RequestDocumentAccess accessRequest(String name, String email, String company, String reason, String nda) {
        return new Submission(validator, clock).valid(new RequestDocumentAccess(name, email, company, reason, "accepted".equals(nda)));
    }

    /**
     * Reads the draft form: repeated rows for certifications and FAQ, checkboxes for controls and documents. A value
     * that does not convert (a number of days, a document id) is refused together with the draft's own constraints.
     */
    EditDraft draft(HttpServletRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<EditDraft.Entry> certs = new ArrayList<>();
        String[] frameworks = values(request, "certFramework");
        for (int i = 0; i < frameworks.length; i++) {
            if (frameworks[i].isBlank()) continue;
            certs.add(new EditDraft.Entry(frameworks[i], at(request, "certStatus", i), at(request, "certSince", i),
                    at(request, "certAuditor", i), at(request, "certPeriod", i)));
        }
        List<Faq> faq = new ArrayList<>();
        String[] questions = values(request, "faqQuestion");
        for (int i = 0; i < questions.length; i++) {
            String answer = at(request, "faqAnswer", i);
            if (questions[i].isBlank() && answer.isBlank()) continue;
            faq.add(new Faq(questions[i], answer));
        }
        List<UUID> documents = new ArrayList<>();
        for (String id : values(request, "documents")) {
            try {
                documents.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("documents", "not a document id: " + id);
            }
        }
        Integer noticeDays = days(errors, request, "noticeDays");
        Integer linkDays = days(errors, request, "linkDays");
        EditDraft draft = new EditDraft(param(request, "company"), param(request, "summary"), param(request, "contactEmail"),
                certs, Arrays.asList(values(request, "controls")), faq, documents, param(request, "securityContact"),
                split(param(request, "languages")), param(request, "disclosure"), param(request, "ndaText"),
                split(param(request, "allowedDomains")), noticeDays, linkDays, param(request, "internalNotes"),
                "true".equals(param(request, "sharedResponsibility")));
        if (!errors.isEmpty()) {
            // every problem at once: the draft's constraints too, under the names the API uses (certifications[0].status)
            validator.validate(draft).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
            throw new InvalidFieldException(errors);
        }
        return draft;
    }

    private static Integer days(Map<String, String> errors, HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) return 0;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.putIfAbsent(name, "must be a whole number of days");
            return 0;
        }
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(HttpServletRequest request, String name, int i) {
        String[] values = values(request, name);
        return i < values.length ? values[i] : "";
    }

    private static String param(HttpServletRequest request, String name) {
        return request.getParameter(name);
    }

    private static List<String> split(String line) {
        return line == null || line.isBlank() ? List.of() : Arrays.stream(line.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
