package dev.attest.audits.internal;

import dev.attest.audits.EditSoaEntry;
import dev.attest.audits.SoaApproved;
import dev.attest.audits.SoaEntry;
import dev.attest.audits.SoaVersion;
import dev.attest.audits.SoaVersionSaved;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Requirement;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.web.CommandValidation;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The ISO 27001 Statement of Applicability: every Annex A control with applicable yes/no, the
 * justification (required to exclude), the implementation status and the Attest controls that
 * implement it. Generated from the catalog and the workspace's controls, edited as a draft,
 * approved by someone other than its last editor, then frozen: changing it takes a new version.
 */
@Service
@RequiredArgsConstructor
class StatementOfApplicability {

    private final SoaStore store;
    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final AuditorAccess access;
    private final CommandValidation commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** An auditor reads the SoA only while invited to a current ISO 27001 audit. */
    private void readable(CurrentUser user, String what) {
        if (AuditorAccess.isAuditor(user)) {
            var iso = access.visible(user).stream().filter(a -> a.framework().equals("iso27001")).findFirst()
                    .orElseThrow(() -> new AccessDeniedException("the Statement of Applicability is for auditors of an ISO 27001 audit"));
            access.readable(user, iso.id(), what);
        }
    }

    /** A version number from a path; anything else is a 400 naming {@code version}. */
    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("version", "must be a version number such as 3");
        }
    }

    List<SoaVersion> versions(CurrentUser user) {
        readable(user, "Statement of Applicability versions");
        return store.versions(user.workspaceId());
    }

    SoaVersion version(CurrentUser user, String text) {
        readable(user, "Statement of Applicability version " + text);
        int version = number(text);
        return store.find(user.workspaceId(), version).map(SoaStore.Head::version)
                .orElseThrow(() -> new NotFoundException("No Statement of Applicability version " + version));
    }

    SoaVersion latest(CurrentUser user) {
        readable(user, "Statement of Applicability");
        return store.latest(user.workspaceId()).map(SoaStore.Head::version)
                .orElseThrow(() -> new NotFoundException("No Statement of Applicability yet: create the first version"));
    }

    /** Annex A's assessed controls, from the catalog. */
    List<Requirement> annexA() {
        return catalog.requireFramework("iso27001").assessedRequirements().filter(r -> r.ref().startsWith("A.")).toList();
    }

    /** A new draft: a copy of the approved version, or (the first time) generated from the catalog and the controls. */
    @Transactional
    SoaVersion create(CurrentUser user) {
        var latest = store.latest(user.workspaceId());
        if (latest.isPresent() && !latest.get().version().approved()) {
            throw new InvalidFieldException("version", "version " + latest.get().version().version() + " is still a draft: edit or approve it");
        }
        List<SoaEntry> entries = latest.map(h -> h.version().entries()).orElseGet(() -> generated(user));
        int number = latest.map(h -> h.version().version() + 1).orElse(1);
        store.insert(user.workspaceId(), UUID.randomUUID(), number, user.actor(), clock.instant(), entries);
        events.publishEvent(new SoaVersionSaved(user.workspaceId(), user.actor(), number,
                "Statement of Applicability version " + number + " created" + (number == 1 ? " from the catalog" : " from version " + (number - 1))));
        return store.find(user.workspaceId(), number).orElseThrow().version();
    }

    private List<SoaEntry> generated(CurrentUser user) {
        Map<ControlKey, ControlState> states = controls.states(user.workspaceId());
        List<SoaEntry> entries = new ArrayList<>();
        for (Requirement r : annexA()) {
            List<ControlState> mapped = r.controls().stream().map(states::get).filter(java.util.Objects::nonNull).toList();
            boolean excluded = !mapped.isEmpty() && mapped.stream().allMatch(s -> s.status() == ImplementationStatus.NOT_APPLICABLE);
            String justification = excluded ? String.join("; ", mapped.stream().map(ControlState::justification)
                    .filter(j -> j != null && !j.isBlank()).distinct().toList()) : "Selected through risk treatment";
            entries.add(new SoaEntry(r.ref(), r.title(), !excluded, justification.isBlank() ? null : justification,
                    implementation(mapped), r.controls().stream().map(ControlKey::value).toList()));
        }
        return entries;
    }

    /** Implemented when every applicable mapped control is; in progress when any has started. */
    private static String implementation(List<ControlState> mapped) {
        List<ImplementationStatus> applicable = mapped.stream().map(ControlState::status).filter(s -> s != ImplementationStatus.NOT_APPLICABLE).toList();
        if (mapped.isEmpty()) {
            return ImplementationStatus.NOT_STARTED.wireName();
        }
        if (applicable.isEmpty()) {
            return ImplementationStatus.NOT_APPLICABLE.wireName();
        }
        if (applicable.stream().allMatch(s -> s == ImplementationStatus.IMPLEMENTED)) {
            return ImplementationStatus.IMPLEMENTED.wireName();
        }
        return applicable.stream().anyMatch(s -> s != ImplementationStatus.NOT_STARTED)
                ? ImplementationStatus.IN_PROGRESS.wireName() : ImplementationStatus.NOT_STARTED.wireName();
    }

    @Transactional
    SoaVersion edit(CurrentUser user, String ref, EditSoaEntry command) {
        EditSoaEntry c = commands.valid(command);
        SoaStore.Head head = store.latest(user.workspaceId())
                .orElseThrow(() -> new NotFoundException("No Statement of Applicability yet: create the first version"));
        if (head.version().approved()) {
            throw new InvalidFieldException("version", "version " + head.version().version() + " is approved: create a new version to change anything");
        }
        SoaEntry entry = head.version().entries().stream().filter(e -> e.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new NotFoundException("No Annex A control " + ref));
        String justification = c.justification() == null || c.justification().isBlank() ? null : c.justification().strip();
        if (!c.applicable() && justification == null) {
            throw new InvalidFieldException("justification", "an excluded control needs the reason for its exclusion");
        }
        String implementation = entry.implementation();
        if (c.implementation() != null) {
            implementation = WireName.parse(ImplementationStatus.class, c.implementation().strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new InvalidFieldException("implementation", "must be one of " + WireName.allowed(ImplementationStatus.class))).wireName();
        }
        List<String> keys = entry.controls();
        if (c.controls() != null) {
            for (String key : c.controls()) {
                if (catalog.control(key).isEmpty()) {
                    throw new InvalidFieldException("controls", "'" + key + "' is not a control of the library");
                }
            }
            keys = c.controls();
        }
        store.updateEntry(head.id(), new SoaEntry(ref, entry.title(), c.applicable(), justification, implementation, keys), user.actor(), clock.instant());
        events.publishEvent(new SoaVersionSaved(user.workspaceId(), user.actor(), head.version().version(),
                ref + (c.applicable() ? " applicable" : " excluded") + " in version " + head.version().version()));
        return store.find(user.workspaceId(), head.version().version()).orElseThrow().version();
    }

    @Transactional
    SoaVersion approve(CurrentUser user) {
        SoaStore.Head head = store.latest(user.workspaceId())
                .orElseThrow(() -> new NotFoundException("No Statement of Applicability yet: create the first version"));
        if (head.version().approved()) {
            throw new InvalidFieldException("version", "version " + head.version().version() + " is already approved");
        }
        // The same person through a token or a session is still the same person.
        if (head.version().editedBy().replace(" (token)", "").equalsIgnoreCase(user.email())) {
            throw new InvalidFieldException("approver", "the last editor (" + head.version().editedBy() + ") cannot approve: someone else must");
        }
        store.approve(head.id(), user.actor(), clock.instant());
        events.publishEvent(new SoaApproved(user.workspaceId(), user.actor(), head.version().version()));
        return store.find(user.workspaceId(), head.version().version()).orElseThrow().version();
    }
}
