package dev.attest.trustcenter.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.SubprocessorChangeAnnounced;
import dev.attest.trustcenter.TrustCenterContent;
import dev.attest.vendors.Countries;
import dev.attest.vendors.Vendor;
import dev.attest.vendors.Vendors;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The public subprocessor list and its changes. The first list is published as it is; after that
 * every addition, replacement or removal is a notice whose effective date is at least the notice
 * period ahead, sent to every confirmed subscriber.
 */
@Service
@RequiredArgsConstructor
class SubprocessorNotices {

    /** A change as an admin announces it. */
    record Announcement(String kind, UUID vendorId, UUID replaces, LocalDate effectiveOn) {
    }

    private final SubprocessorStore store;
    private final Vendors vendors;
    private final NoticeSubscriptions subscriptions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The subprocessors listed today. */
    List<SubprocessorStore.Entry> current(WorkspaceId workspace) {
        LocalDate today = today();
        return store.entries(workspace).stream()
                .filter(e -> !e.listedFrom().isAfter(today) && (e.listedUntil() == null || e.listedUntil().isAfter(today)))
                .toList();
    }

    /** Every notice, newest first: the change history. */
    List<SubprocessorStore.Notice> history(WorkspaceId workspace) {
        return store.notices(workspace);
    }

    /** Notices not yet in effect. */
    List<SubprocessorStore.Notice> upcoming(WorkspaceId workspace) {
        LocalDate today = today();
        return history(workspace).stream().filter(n -> n.effectiveOn().isAfter(today)).toList();
    }

    static String location(Vendor vendor) {
        List<String> countries = vendor.details().countries();
        return countries.isEmpty() ? "Not stated" : countries.stream().map(Countries::name).collect(Collectors.joining(", "));
    }

    /** Publishes today's subprocessors as the first list, without notice; refused once a list exists. */
    @Transactional
    int publishFirstList(WorkspaceId workspace, String actor) {
        if (!store.entries(workspace).isEmpty()) {
            throw new InvalidFieldException("list", "the list is already published: announce changes as notices");
        }
        LocalDate today = today();
        Instant now = clock.instant();
        List<Vendor> subprocessors = vendors.subprocessors(workspace);
        for (Vendor v : subprocessors) {
            store.insertEntry(workspace, new SubprocessorStore.Entry(UUID.randomUUID(), v.name(), v.details().purpose(), location(v), today, null));
            UUID notice = UUID.randomUUID();
            store.insertNotice(workspace, new SubprocessorStore.Notice(notice, "listed", v.name(), v.details().purpose(), location(v), null,
                    today, now), actor);
            events.publishEvent(new SubprocessorChangeAnnounced(workspace, notice, "listed", v.name(), today, actor));
        }
        return subprocessors.size();
    }

    /** Announces an addition, replacement or removal and emails the confirmed subscribers. */
    @Transactional
    SubprocessorStore.Notice announce(WorkspaceId workspace, TrustCenterContent published, Announcement a, String actor, String base) {
        Map<String, String> errors = new LinkedHashMap<>();
        String kind = a.kind();
        if (!List.of("added", "replaced", "removed").contains(String.valueOf(kind))) {
            errors.put("kind", "must be added, replaced or removed");
        }
        Vendor vendor = null;
        if (("added".equals(kind) || "replaced".equals(kind))) {
            if (a.vendorId() == null) {
                errors.put("vendorId", "choose the subprocessor from the vendor register");
            } else {
                vendor = vendors.subprocessors(workspace).stream().filter(v -> v.id().equals(a.vendorId())).findFirst().orElse(null);
                if (vendor == null) {
                    errors.put("vendorId", "not a subprocessor in the vendor register");
                }
            }
        }
        SubprocessorStore.Entry old = null;
        if ("replaced".equals(kind) || "removed".equals(kind)) {
            old = a.replaces() == null ? null : current(workspace).stream().filter(e -> e.id().equals(a.replaces())).findFirst().orElse(null);
            if (old == null) {
                errors.put("replaces", "choose a subprocessor on the current list");
            }
        }
        LocalDate earliest = today().plusDays(published.noticeDays());
        if (a.effectiveOn() == null) {
            errors.put("effectiveOn", "is required");
        } else if (a.effectiveOn().isBefore(earliest)) {
            errors.put("effectiveOn", "must be at least " + published.noticeDays() + " days ahead: " + earliest + " or later");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        if (old != null) {
            store.endEntry(workspace, old.id(), a.effectiveOn());
        }
        String name = vendor != null ? vendor.name() : old.name();
        String purpose = vendor != null ? vendor.details().purpose() : old.purpose();
        String location = vendor != null ? location(vendor) : old.location();
        if (vendor != null) {
            store.insertEntry(workspace, new SubprocessorStore.Entry(UUID.randomUUID(), name, purpose, location, a.effectiveOn(), null));
        }
        SubprocessorStore.Notice notice = new SubprocessorStore.Notice(UUID.randomUUID(), kind, name, purpose, location,
                old == null || vendor == null ? null : old.name(), a.effectiveOn(), now);
        store.insertNotice(workspace, notice, actor);
        events.publishEvent(new SubprocessorChangeAnnounced(workspace, notice.id(), kind, name, a.effectiveOn(), actor));
        subscriptions.notifyAll(workspace, published, notice, base);
        return notice;
    }

    static String describe(SubprocessorStore.Notice n) {
        return switch (n.kind()) {
            case "added" -> n.name() + " will be added as a subprocessor";
            case "replaced" -> n.name() + " will replace " + n.replaces();
            case "removed" -> n.name() + " will no longer be a subprocessor";
            default -> n.name() + " listed as a subprocessor";
        };
    }
}
