package dev.attest.trustcenter;

import dev.attest.crypto.Digests;
import dev.attest.catalog.Catalog;
import dev.attest.responsibility.SharedResponsibility;
import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.internal.DocumentStore;
import dev.attest.trustcenter.internal.TrustCenterProperties;
import dev.attest.trustcenter.internal.TrustCenterStore;
import dev.attest.web.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A workspace's Trust Center: the draft an admin edits and the published snapshot the public site
 * shows. Saving a draft changes nothing public; publishing replaces the public site at once.
 */
@Service
public class TrustCenter {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)+$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final Set<String> STATUSES = Set.of("certified", "in_progress", "planned");

    private final TrustCenterStore store;
    private final DocumentStore documents;
    private final Catalog catalog;
    private final TrustCenterProperties properties;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SharedResponsibility responsibility;

    TrustCenter(TrustCenterStore store, DocumentStore documents, Catalog catalog, TrustCenterProperties properties,
                ApplicationEventPublisher events, Clock clock, SharedResponsibility responsibility) {
        this.responsibility = responsibility;
        this.store = store;
        this.documents = documents;
        this.catalog = catalog;
        this.properties = properties;
        this.json = JsonMapper.builder().build();
        this.events = events;
        this.clock = clock;
    }

    /** Whether an address looks like a deliverable email address (one @, a dotted domain). */
    public static boolean validEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /** The SHA-256 of a text, hex: the NDA version visitors accept. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of bytes, hex. */
    public static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    /** Every new workspace gets an empty Trust Center, remembered by slug for the public site. */
    @EventListener
    void on(WorkspaceCreated created) {
        if (store.find(created.workspaceId()).isEmpty()) {
            store.insert(created.workspaceId(), created.slug(), write(TrustCenterContent.empty(created.name())), clock.instant());
        }
    }

    /** The workspace the public site serves: the configured slug, or the only Trust Center there is. */
    @Transactional(readOnly = true)
    public Optional<WorkspaceId> publicWorkspace() {
        List<TrustCenterStore.Row> all = store.all();
        return all.stream().filter(r -> properties.workspace().equals(r.slug())).findFirst()
                .or(() -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty())
                .map(TrustCenterStore.Row::workspace);
    }

    @Transactional
    public TrustCenterContent draft(WorkspaceId workspace) {
        return read(row(workspace).draft());
    }

    @Transactional(readOnly = true)
    public Optional<PublishedTrustCenter> published(WorkspaceId workspace) {
        return store.find(workspace).filter(r -> r.published() != null)
                .map(r -> new PublishedTrustCenter(read(r.published()), r.publishedAt(), r.publishedBy()));
    }

    /** Replaces the draft after checking every field; the public site does not change. */
    @Transactional
    public TrustCenterContent saveDraft(WorkspaceId workspace, TrustCenterContent content, String actor) {
        row(workspace);
        TrustCenterContent clean = validate(workspace, content);
        store.saveDraft(workspace, write(clean), clock.instant());
        events.publishEvent(new TrustCenterDraftSaved(workspace, clean.company(), actor));
        return clean;
    }

    /**
     * Saves the draft as submitted and publishes it in one transaction: what the editor shows is what goes
     * public, and nothing is saved or published when a field is refused.
     */
    @Transactional
    public PublishedTrustCenter saveAndPublish(WorkspaceId workspace, TrustCenterContent content, String actor) {
        saveDraft(workspace, content, actor);
        return publish(workspace, actor);
    }

    /** Makes the current draft the public Trust Center. */
    @Transactional
    public PublishedTrustCenter publish(WorkspaceId workspace, String actor) {
        TrustCenterContent draft = validate(workspace, draft(workspace));
        // the matrix is taken from the control library at this moment, like a snapshot of the rest of the page
        TrustCenterContent published = draft.sharedResponsibility() ? draft.withSharedResponsibility(true, responsibility.matrix(workspace)
                .stream().map(r -> new SharedResponsibilityEntry(r.control(), r.controlName(), r.domain(), r.party().wireName(),
                        r.providerName(), r.customerGuidance(), r.providerDuty())).toList()) : draft;
        store.publish(workspace, write(published), clock.instant(), actor);
        events.publishEvent(new TrustCenterPublished(workspace, draft.company(), actor));
        return published(workspace).orElseThrow();
    }

    private TrustCenterStore.Row row(WorkspaceId workspace) {
        return store.find(workspace).orElseGet(() -> {
            store.insert(workspace, null, write(TrustCenterContent.empty("Our company")), clock.instant());
            return store.find(workspace).orElseThrow();
        });
    }

    private TrustCenterContent validate(WorkspaceId workspace, TrustCenterContent c) {
        Map<String, String> errors = new LinkedHashMap<>();
        String company = trim(c.company());
        if (company == null) {
            errors.put("company", "is required");
        } else if (company.length() > 200) {
            errors.put("company", "at most 200 characters");
        }
        if (trim(c.summary()) != null && c.summary().length() > 8000) {
            errors.put("summary", "at most 8000 characters");
        }
        String contact = trim(c.contactEmail());
        if (contact != null && !validEmail(contact)) {
            errors.put("contactEmail", "is not an email address");
        }
        String securityContact = trim(c.securityContact());
        if (securityContact != null && !validEmail(securityContact) && !isMailto(securityContact) && !isHttps(securityContact)) {
            errors.put("securityContact", "must be an email address, a mailto: address or an https:// address");
        }
        List<Certification> certifications = new ArrayList<>();
        for (int i = 0; i < c.certifications().size(); i++) {
            Certification cert = c.certifications().get(i);
            if (cert == null || trim(cert.framework()) == null) {
                errors.put("certifications[" + i + "].framework", "is required");
                continue;
            }
            if (!STATUSES.contains(cert.status())) {
                errors.put("certifications[" + i + "].status", "must be certified, in_progress or planned");
            }
            certifications.add(new Certification(cert.framework().trim(), cert.status(), trim(cert.since()), trim(cert.auditor()),
                    trim(cert.period())));
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
        if (c.noticeDays() > 365) {
            errors.put("noticeDays", "between 1 and 365 days");
        }
        if (c.linkDays() > 90) {
            errors.put("linkDays", "between 1 and 90 days");
        }
        if (trim(c.ndaText()) == null) {
            errors.put("ndaText", "is required: visitors accept it before a gated document");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new TrustCenterContent(company, trim(c.summary()), contact, certifications, List.copyOf(new java.util.LinkedHashSet<>(c.controls())),
                faq, c.documents(), securityContact, languages, trim(c.disclosure()), c.ndaText().trim(), domains, c.noticeDays(),
                c.linkDays(), trim(c.internalNotes()), c.sharedResponsibility(), List.of());
    }

    // RFC 9116 writes an email contact as a mailto: URI; the address after it must still be an email address.
    private static boolean isMailto(String value) {
        return value.regionMatches(true, 0, "mailto:", 0, 7) && validEmail(value.substring(7));
    }

    private static boolean isHttps(String value) {
        try {
            URI uri = URI.create(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String write(TrustCenterContent content) {
        return json.writeValueAsString(content);
    }

    private TrustCenterContent read(String text) {
        return json.readValue(text, TrustCenterContent.class);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
