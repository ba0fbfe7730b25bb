package dev.attest.trustcenter.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Domain;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.TrustCenterContent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders the public pages from a Trust Center document (the published one, or the draft for a
 * preview) to text. Only what the document lists reaches the page: never internal notes, never
 * who asked for a document.
 */
@Component
@RequiredArgsConstructor
class PublicRendering {

    /** A published control with its live status. */
    record ControlLine(String key, String name, String status, String statusClass, String checked) {
    }

    record ControlGroup(String domain, List<ControlLine> controls) {
    }

    record DocumentLine(UUID id, String title, String kind, boolean gated) {
    }

    private final TemplateEngine templates;
    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final DocumentStore documents;
    private final SubprocessorNotices subprocessors;
    private final Clock clock;
    private final LedgerCheckpointPublication ledgerCheckpoint;

    String overview(WorkspaceId workspace, TrustCenterContent content, boolean preview) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("tc", content);
        context.setVariable("preview", preview);
        context.setVariable("controlGroups", controlGroups(workspace, content));
        context.setVariable("documents", documentLines(workspace, content));
        context.setVariable("subprocessorCount", subprocessors.current(workspace).size());
        context.setVariable("upcoming", subprocessors.upcoming(workspace).size());
        context.setVariable("ledgerCheckpoint", ledgerCheckpoint.shown(workspace).orElse(null));
        return templates.process("trustcenter/public/overview", context);
    }

    String subprocessorPage(WorkspaceId workspace, TrustCenterContent content) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("tc", content);
        context.setVariable("preview", false);
        context.setVariable("current", subprocessors.current(workspace));
        context.setVariable("upcoming", subprocessors.upcoming(workspace));
        context.setVariable("history", subprocessors.history(workspace).stream()
                .map(n -> Map.of("notice", n, "text", SubprocessorNotices.describe(n),
                        "date", n.announcedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())).toList());
        return templates.process("trustcenter/public/subprocessors", context);
    }

    /**
     * The shared-responsibility page from the published matrix: the providers' parts by provider, the company's
     * parts by domain with each control's live status, and the customers' parts with their guidance.
     */
    String sharedResponsibility(WorkspaceId workspace, TrustCenterContent content, Instant publishedAt) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("tc", content);
        context.setVariable("preview", false);
        Map<String, List<dev.attest.trustcenter.SharedResponsibilityEntry>> providers = new java.util.TreeMap<>();
        List<dev.attest.trustcenter.SharedResponsibilityEntry> yours = new ArrayList<>();
        Map<String, List<ControlLine>> ours = new LinkedHashMap<>();
        Map<String, dev.attest.controls.ControlState> states = new java.util.HashMap<>();
        controls.states(workspace).forEach((k, v) -> states.put(k.value(), v));
        for (var entry : content.responsibilities()) {
            if (entry.provider() != null && ("provider".equals(entry.party()) || "shared".equals(entry.party()))) {
                providers.computeIfAbsent(entry.provider(), k -> new ArrayList<>()).add(entry);
            }
            if (entry.guidance() != null && ("customer".equals(entry.party()) || "shared".equals(entry.party()))) {
                yours.add(entry);
            }
            dev.attest.controls.ControlState state = states.get(entry.control());
            boolean notApplicable = state != null && state.status() == dev.attest.controls.ImplementationStatus.NOT_APPLICABLE;
            if (("company".equals(entry.party()) || "shared".equals(entry.party())) && state != null && !notApplicable) {
                String domain = catalog.domain(entry.domain()).map(d -> d.name()).orElse(entry.domain());
                ours.computeIfAbsent(domain, k -> new ArrayList<>()).add(line(state));
            }
        }
        context.setVariable("providers", providers);
        context.setVariable("yours", yours);
        context.setVariable("ours", ours.entrySet().stream().map(e -> new ControlGroup(e.getKey(), e.getValue())).toList());
        context.setVariable("publishedAt", publishedAt == null ? "" : publishedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        return templates.process("trustcenter/public/shared-responsibility", context);
    }

    /** The published matrix as CSV, for customers' security questionnaires. */
    static String sharedResponsibilityCsv(TrustCenterContent content) {
        StringBuilder csv = new StringBuilder();
        dev.attest.web.CsvWriter out = new dev.attest.web.CsvWriter(csv).row("control", "name", "responsibility", "provider",
                "provider_part", "customer_part");
        for (var entry : content.responsibilities()) {
            out.row(entry.control(), entry.name(), entry.party(), entry.provider(), entry.duty(), entry.guidance());
        }
        return csv.toString();
    }

    String disclosure(TrustCenterContent content) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("tc", content);
        context.setVariable("preview", false);
        return templates.process("trustcenter/public/disclosure", context);
    }

    /** security.txt (RFC 9116): Contact, Expires, Policy, Preferred-Languages and Canonical, CRLF line ends. */
    String securityTxt(TrustCenterContent content, String base) {
        String contact = content.securityContact().startsWith("https://") || content.securityContact().regionMatches(true, 0, "mailto:", 0, 7)
                ? content.securityContact() : "mailto:" + content.securityContact();
        Instant expires = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(180));
        return "# Security contact of " + content.company().replaceAll("[\\r\\n]", " ") + "\r\n"
                + "Contact: " + contact + "\r\n"
                + "Expires: " + DateTimeFormatter.ISO_INSTANT.format(expires) + "\r\n"
                + "Policy: " + base + "/trust/disclosure\r\n"
                + "Preferred-Languages: " + String.join(", ", content.languages()) + "\r\n"
                + "Canonical: " + base + "/.well-known/security.txt\r\n";
    }

    /** The notices as an Atom feed (RFC 4287). */
    String atom(WorkspaceId workspace, TrustCenterContent content, Instant publishedAt, String base) {
        var notices = subprocessors.history(workspace);
        Instant updated = notices.stream().map(SubprocessorStore.Notice::announcedAt).max(Instant::compareTo).orElse(publishedAt);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", base + "/trust/subprocessors.atom");
            element(xml, "title", content.company() + " subprocessor changes");
            element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated.truncatedTo(ChronoUnit.SECONDS)));
            xml.writeStartElement("author");
            element(xml, "name", content.company());
            xml.writeEndElement();
            link(xml, "self", base + "/trust/subprocessors.atom", "application/atom+xml");
            link(xml, "alternate", base + "/trust/subprocessors", "text/html");
            for (SubprocessorStore.Notice n : notices) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + n.id());
                element(xml, "title", SubprocessorNotices.describe(n));
                String at = DateTimeFormatter.ISO_INSTANT.format(n.announcedAt().truncatedTo(ChronoUnit.SECONDS));
                element(xml, "updated", at);
                element(xml, "published", at);
                link(xml, "alternate", base + "/trust/subprocessors#notice-" + n.id(), "text/html");
                element(xml, "summary", SubprocessorNotices.describe(n) + " on " + n.effectiveOn() + ". Purpose: "
                        + (n.purpose() == null ? "not stated" : n.purpose()) + ". Location: " + (n.location() == null ? "not stated" : n.location()) + ".");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private List<ControlGroup> controlGroups(WorkspaceId workspace, TrustCenterContent content) {
        Map<String, List<ControlLine>> byDomain = new LinkedHashMap<>();
        for (Domain domain : catalog.domains()) {
            byDomain.put(domain.id(), new ArrayList<>());
        }
        Map<String, String> names = new LinkedHashMap<>();
        catalog.domains().forEach(d -> names.put(d.id(), d.name()));
        for (String key : content.controls()) {
            if (catalog.control(key).isEmpty()) {
                continue;
            }
            ControlState state = controls.get(workspace, key);
            byDomain.computeIfAbsent(state.control().domain(), d -> new ArrayList<>()).add(line(state));
        }
        List<ControlGroup> groups = new ArrayList<>();
        byDomain.forEach((domain, lines) -> {
            if (!lines.isEmpty()) {
                groups.add(new ControlGroup(names.getOrDefault(domain, domain), lines));
            }
        });
        return groups;
    }

    private ControlLine line(ControlState state) {
        String status = switch (state.status()) {
            case IMPLEMENTED -> "In place";
            case IN_PROGRESS -> "In progress";
            case NOT_APPLICABLE -> "Not applicable";
            case NOT_STARTED -> "Planned";
        };
        String checked = state.updatedAt() == null ? "" : "updated " + ago(state.updatedAt());
        return new ControlLine(state.control().key().value(), state.control().name(), status,
                "status-" + state.status().wireName(), checked);
    }

    String ago(Instant then) {
        Duration d = Duration.between(then, clock.instant());
        if (d.isNegative() || d.toMinutes() < 1) return "just now";
        if (d.toMinutes() < 60) return d.toMinutes() + (d.toMinutes() == 1 ? " minute ago" : " minutes ago");
        if (d.toHours() < 48) return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
        return d.toDays() + " days ago";
    }

    private List<DocumentLine> documentLines(WorkspaceId workspace, TrustCenterContent content) {
        List<DocumentLine> lines = new ArrayList<>();
        for (UUID id : content.documents()) {
            documents.find(workspace, id).ifPresent(d -> lines.add(new DocumentLine(d.id(), d.title(), kindLabel(d.kind()), d.gated())));
        }
        return lines;
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "soc2-report" -> "SOC 2 report";
            case "iso-certificate" -> "ISO certificate";
            case "pentest-summary" -> "Penetration test summary";
            case "pci-attestation" -> "PCI attestation";
            case "insurance-certificate" -> "Insurance certificate";
            default -> "Document";
        };
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
