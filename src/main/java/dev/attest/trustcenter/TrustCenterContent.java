package dev.attest.trustcenter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Everything the Trust Center publishes and the settings that govern it, as one document: the
 * draft an admin edits and, once published, the snapshot the public site is rendered from.
 *
 * @param controls        control keys whose live status is published
 * @param documents       ids of the uploaded documents that are listed
 * @param securityContact the security.txt contact: an email address or an https URL
 * @param ndaText         the NDA a visitor accepts before a gated document; its hash is the NDA version
 * @param allowedDomains  email domains whose requests are approved without an admin
 * @param noticeDays      minimum days between announcing a subprocessor change and its effect
 * @param linkDays        days a document link stays valid
 * @param internalNotes   for the team only: never rendered on a public page
 * @param sharedResponsibility whether the site has a "Shared responsibility" page
 * @param responsibilities the shared-responsibility matrix as published: taken from the control library when the
 *                        Trust Center is published, never from the draft's text
 */
public record TrustCenterContent(String company, String summary, String contactEmail, List<Certification> certifications,
                                 List<String> controls, List<Faq> faq, List<UUID> documents, String securityContact,
                                 List<String> languages, String disclosure, String ndaText, List<String> allowedDomains,
                                 Integer noticeDays, Integer linkDays, String internalNotes, Boolean sharedResponsibility,
                                 List<SharedResponsibilityEntry> responsibilities) {

    public static final int DEFAULT_NOTICE_DAYS = 30;
    public static final int DEFAULT_LINK_DAYS = 7;

    public TrustCenterContent {
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        controls = controls == null ? List.of() : List.copyOf(controls);
        faq = faq == null ? List.of() : List.copyOf(faq);
        documents = documents == null ? List.of() : List.copyOf(documents);
        languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
        allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
        noticeDays = noticeDays == null || noticeDays <= 0 ? DEFAULT_NOTICE_DAYS : noticeDays;
        linkDays = linkDays == null || linkDays <= 0 ? DEFAULT_LINK_DAYS : linkDays;
        sharedResponsibility = Boolean.TRUE.equals(sharedResponsibility);
        responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
    }

    /** A document without the shared-responsibility page, as the forms and older snapshots write it. */
    public TrustCenterContent(String company, String summary, String contactEmail, List<Certification> certifications,
                              List<String> controls, List<Faq> faq, List<UUID> documents, String securityContact,
                              List<String> languages, String disclosure, String ndaText, List<String> allowedDomains,
                              Integer noticeDays, Integer linkDays, String internalNotes) {
        this(company, summary, contactEmail, certifications, controls, faq, documents, securityContact, languages, disclosure, ndaText,
                allowedDomains, noticeDays, linkDays, internalNotes, false, List.of());
    }

    /** The same document with the shared-responsibility page switched on or off, and the matrix it publishes. */
    public TrustCenterContent withSharedResponsibility(boolean shown, List<SharedResponsibilityEntry> matrix) {
        return new TrustCenterContent(company, summary, contactEmail, certifications, controls, faq, documents, securityContact, languages,
                disclosure, ndaText, allowedDomains, noticeDays, linkDays, internalNotes, shown, matrix);
    }

    /** The same document under the company's name and contacts, as the first-run setup fills them in. */
    public TrustCenterContent withCompany(String name, String newSummary, String email, String security) {
        return new TrustCenterContent(name, newSummary, email, certifications, controls, faq, documents, security, languages,
                disclosure, ndaText, allowedDomains, noticeDays, linkDays, internalNotes, sharedResponsibility, responsibilities);
    }

    /**
     * The document as checked: texts trimmed and blank ones absent, controls without repeats, the given cleaned
     * lists in place, and no published matrix (that is taken when the Trust Center is published).
     */
    public TrustCenterContent tidied(List<Certification> cleanCertifications, List<Faq> cleanFaq, List<String> cleanLanguages,
                                     List<String> cleanDomains) {
        return new TrustCenterContent(blankless(company), blankless(summary), blankless(contactEmail), cleanCertifications,
                List.copyOf(new LinkedHashSet<>(controls)), cleanFaq, documents, blankless(securityContact), cleanLanguages,
                blankless(disclosure), ndaText.trim(), cleanDomains, noticeDays, linkDays, blankless(internalNotes), sharedResponsibility,
                List.of());
    }

    /**
     * The same document with an audit's certification entry: it replaces the entry for the same framework (which keeps
     * the year it was first certified), else it is added at the end.
     */
    public TrustCenterContent withCertification(Certification audit) {
        List<Certification> updated = new ArrayList<>();
        boolean replaced = false;
        for (Certification existing : certifications) {
            boolean same = existing.sameFramework(audit);
            updated.add(same ? existing.renewedBy(audit) : existing);
            replaced |= same;
        }
        if (!replaced) {
            updated.add(audit);
        }
        return new TrustCenterContent(company, summary, contactEmail, updated, controls, faq, documents, securityContact, languages,
                disclosure, ndaText, allowedDomains, noticeDays, linkDays, internalNotes, sharedResponsibility, responsibilities);
    }

    /** The same document listing one more uploaded document. */
    public TrustCenterContent withDocument(UUID document) {
        List<UUID> listed = new ArrayList<>(documents);
        listed.add(document);
        return new TrustCenterContent(company, summary, contactEmail, certifications, controls, faq, listed, securityContact, languages,
                disclosure, ndaText, allowedDomains, noticeDays, linkDays, internalNotes, sharedResponsibility, responsibilities);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A fresh Trust Center: nothing listed, the default notice period and link validity. */
    public static TrustCenterContent empty(String company) {
        return new TrustCenterContent(company, null, null, List.of(), List.of(), List.of(), List.of(), null, List.of("en"), null,
                "The information you are about to receive is confidential. You agree not to share it outside your organisation "
                        + "and to use it only to evaluate our services.", List.of(), DEFAULT_NOTICE_DAYS, DEFAULT_LINK_DAYS, null);
    }
}
