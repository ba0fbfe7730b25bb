package dev.attest.trustcenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * The Trust Center draft as an admin submits it, from the editor's form or as JSON (the fields of
 * {@link TrustCenterContent}; the published matrix is never taken from a draft). The constraints are
 * the rules of one field; rules over a list's entries or over stored state (controls of the library,
 * uploaded documents) are checked when the draft is saved. The compact constructor tidies: the
 * company is stripped, blank texts are absent, and unset lists and periods take their defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditDraft(
        @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String company,
        @Size(max = 8000, message = "at most 8000 characters") String summary,
        @Size(max = 254, message = "is not an email address")
        @Pattern(regexp = TrustCenter.EMAIL_FORM, message = "is not an email address") String contactEmail,
        List<@Valid Entry> certifications,
        List<String> controls,
        List<Faq> faq,
        List<UUID> documents,
        String securityContact,
        List<String> languages,
        String disclosure,
        @NotBlank(message = "is required: visitors accept it before a gated document") String ndaText,
        List<String> allowedDomains,
        @Max(value = 365, message = "between 1 and 365 days") Integer noticeDays,
        @Max(value = 90, message = "between 1 and 90 days") Integer linkDays,
        String internalNotes,
        Boolean sharedResponsibility) {

    public EditDraft {
        company = company == null || company.isBlank() ? null : company.strip();
        summary = blankless(summary);
        contactEmail = contactEmail == null || contactEmail.isBlank() ? null : contactEmail.strip();
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        // the document's own defaults for what is left unset
        TrustCenterContent defaults = new TrustCenterContent(company, summary, contactEmail, List.of(), controls, faq, documents,
                securityContact, languages, disclosure, ndaText, allowedDomains, null, null, internalNotes, sharedResponsibility, List.of());
        controls = defaults.controls();
        faq = defaults.faq();
        documents = defaults.documents();
        languages = defaults.languages();
        allowedDomains = defaults.allowedDomains();
        sharedResponsibility = defaults.sharedResponsibility();
    }

    /** A certification row: its framework is required, its status one of three. */
    public record Entry(@NotBlank(message = "is required") String framework,
                        @NotNull(message = "must be certified, in_progress or planned")
                        @Pattern(regexp = "certified|in_progress|planned", message = "must be certified, in_progress or planned") String status,
                        String since, String auditor, String period) {

        Certification certification() {
            return new Certification(framework, status, since, auditor, period).tidied();
        }
    }

    /** The draft a stored or amended document amounts to, to be checked again. */
    public static EditDraft of(TrustCenterContent c) {
        return new EditDraft(c.company(), c.summary(), c.contactEmail(),
                c.certifications().stream().map(x -> new Entry(x.framework(), x.status(), x.since(), x.auditor(), x.period())).toList(),
                c.controls(), c.faq(), c.documents(), c.securityContact(), c.languages(), c.disclosure(), c.ndaText(), c.allowedDomains(),
                c.noticeDays(), c.linkDays(), c.internalNotes(), c.sharedResponsibility());
    }

    /**
     * The document this draft saves, with the lists its entries' checks cleaned: texts trimmed, blank ones absent,
     * controls without repeats, no published matrix.
     */
    public TrustCenterContent content(List<Faq> cleanFaq, List<String> cleanLanguages, List<String> cleanDomains) {
        List<Certification> certs = certifications.stream().map(Entry::certification).toList();
        return new TrustCenterContent(company, summary, contactEmail, certs, controls, cleanFaq, documents, securityContact, languages,
                disclosure, ndaText, allowedDomains, noticeDays, linkDays, internalNotes, sharedResponsibility, List.of())
                .tidied(certs, cleanFaq, cleanLanguages, cleanDomains);
    }

    /** The draft as typed, untidied, for the editor to show again beside its errors. */
    public TrustCenterContent asTyped() {
        return new TrustCenterContent(company, summary, contactEmail,
                certifications.stream().map(e -> new Certification(e.framework(), e.status(), e.since(), e.auditor(), e.period())).toList(),
                controls, faq, documents, securityContact, languages, disclosure, ndaText, allowedDomains, noticeDays, linkDays, internalNotes,
                sharedResponsibility, List.of());
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
