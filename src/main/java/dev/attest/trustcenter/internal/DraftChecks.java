package dev.attest.trustcenter.internal;

import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.EditDraft;
import dev.attest.trustcenter.Faq;
import dev.attest.trustcenter.TrustCenter;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.web.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a Trust Center document passes before it is saved or published, every bad field at once under the
 * request's field names (a contract). Some rules read stored state: listed controls must be in the library and
 * listed documents uploaded to the workspace.
 */
@Component
@RequiredArgsConstructor
class DraftChecks {

    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)+$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    private final Catalog catalog;
    private final DocumentStore documents;
    private final Validator validator;

    /**
     * The document the draft saves, tidied (text trimmed, blank lines dropped), or every problem at once: the
     * draft's own constraints, then the rules over list entries and stored state.
     */
    TrustCenterContent checked(WorkspaceId workspace, EditDraft c) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<EditDraft> violation : validator.validate(c)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        String securityContact = trim(c.securityContact());
        if (securityContact != null && !TrustCenter.validEmail(securityContact) && !isMailto(securityContact) && !isHttps(securityContact)) {
            errors.put("securityContact", "must be an email address, a mailto: address or an https:// address");
        }
        List<String> unknownControls = c.controls().stream().filter(k -> catalog.control(k).isEmpty()).toList();
        if (!unknownControls.isEmpty()) {
            errors.put("controls", "not controls of the library: " + String.join(", ", unknownControls));
        }
        List<Faq> faq = new ArrayList<>();
        for (int i = 0; i < c.faq().size(); i++) {
            Faq entry = c.faq().get(i);
            if (entry == null || trim(entry.question()) == null || trim(entry.answer()) == null) {
                errors.put("faq[" + i + "]", "needs both a question and an answer");
                continue;
            }
            faq.add(new Faq(entry.question().trim(), entry.answer().trim()));
        }
        var unknownDocuments = c.documents().stream().filter(id -> documents.find(workspace, id).isEmpty()).toList();
        if (!unknownDocuments.isEmpty()) {
            errors.put("documents", "no such documents: " + unknownDocuments);
        }
        List<String> domains = c.allowedDomains().stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
        List<String> badDomains = domains.stream().filter(d -> !DOMAIN.matcher(d).matches()).toList();
        if (!badDomains.isEmpty()) {
            errors.put("allowedDomains", "not domain names: " + String.join(", ", badDomains));
        }
        List<String> languages = c.languages().stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (languages.stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            errors.put("languages", "use language tags such as en, de, fr-CA");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return c.content(faq, languages, domains);
    }

    // RFC 9116 writes an email contact as a mailto: URI; the address after it must still be an email address.
    private static boolean isMailto(String value) {
        return value.regionMatches(true, 0, "mailto:", 0, 7) && TrustCenter.validEmail(value.substring(7));
    }

    private static boolean isHttps(String value) {
        try {
            URI uri = URI.create(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
