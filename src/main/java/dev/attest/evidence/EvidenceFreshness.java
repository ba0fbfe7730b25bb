package dev.attest.evidence;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.Frequency;
import dev.attest.controls.ControlState;
import dev.attest.controls.WorkspaceControls;
import dev.attest.evidence.internal.FreshnessStore;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two monitors every control can have besides checks: evidence freshness (a file or attestation linked
 * to the control, collected within its window: annual 365 days, quarterly 92, monthly 31, weekly 7,
 * daily 1, continuous 92, on event 365, or the workspace's own number of days) and attestation (the
 * control's owner confirms, with a comment, that it still operates; the confirmation is evidence in the
 * ledger, valid for the window).
 */
@Service
@RequiredArgsConstructor
public class EvidenceFreshness {

    /** The longest window a workspace may set: ten years. */
    public static final int MAX_DAYS = 3660;
    static final int MAX_COMMENT = 2000;
    private static final String MEMO = EvidenceFreshness.class.getName() + ".read.";

    private final FreshnessStore rules;
    private final EvidenceLocker store;
    private final Catalog catalog;
    private final ObjectProvider<WorkspaceControls> controls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The window a control's frequency suggests when the workspace set none. */
    public static int defaultDays(Frequency frequency) {
        return switch (frequency) {
            case ANNUAL, ON_EVENT -> 365;
            case QUARTERLY, CONTINUOUS -> 92;
            case MONTHLY -> 31;
            case WEEKLY -> 7;
            case DAILY -> 1;
        };
    }

    /**
     * Every control of the catalog, in catalog order, with its evidence freshness now. Within one HTTP
     * request it is read once: a control's page asks for it through several modules' SPIs.
     */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public List<ControlFreshness> all(WorkspaceId workspace) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String memo = MEMO + workspace.value();
        if (request != null && request.getAttribute(memo, RequestAttributes.SCOPE_REQUEST) instanceof List<?> read) {
            return (List<ControlFreshness>) read;
        }
        Map<String, Integer> configured = rules.days(workspace);
        Map<String, List<FreshnessStore.Dated>> byControl = new HashMap<>();
        rules.forEachUploadOrAttestation(workspace, dated -> byControl.computeIfAbsent(dated.controls().get(0), k -> new ArrayList<>()).add(dated));
        Instant now = clock.instant();
        List<ControlFreshness> all = new ArrayList<>();
        for (Control control : catalog.controls()) {
            String key = control.key().value();
            all.add(freshness(control, configured.get(key), byControl.getOrDefault(key, List.of()), now));
        }
        List<ControlFreshness> read = List.copyOf(all);
        if (request != null) {
            request.setAttribute(memo, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
    }

    /** One control's evidence freshness now, read by control; an unknown control is a 404. */
    @Transactional(readOnly = true)
    public ControlFreshness of(WorkspaceId workspace, String key) {
        Control control = catalog.requireControl(key);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(MEMO + workspace.value(), RequestAttributes.SCOPE_REQUEST) != null) {
            return all(workspace).stream().filter(f -> f.control().equals(control.key().value())).findFirst().orElseThrow();
        }
        return freshness(control, rules.days(workspace).get(control.key().value()), rules.of(workspace, control.key().value()), clock.instant());
    }

    /** Forgets what this request read, after evidence or a window changed. */
    public static void forgetRead() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(MEMO)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }

    private static ControlFreshness freshness(Control control, Integer configured, List<FreshnessStore.Dated> evidence, Instant now) {
        int days = configured == null ? defaultDays(control.frequency()) : configured;
        FreshnessStore.Dated newest = null;
        Instant attested = null;
        Instant expires = null;
        for (FreshnessStore.Dated d : evidence) {
            Instant until = d.collectedAt().plus(Duration.ofDays(days));
            if (d.validUntil() != null && d.validUntil().isBefore(until)) {
                until = d.validUntil();
            }
            if (newest == null || d.collectedAt().isAfter(newest.collectedAt())) {
                newest = d;
            }
            if (expires == null || until.isAfter(expires)) {
                expires = until;
            }
            if ("attestation".equals(d.kind()) && (attested == null || d.collectedAt().isAfter(attested))) {
                attested = d.collectedAt();
            }
        }
        String state = newest == null ? "missing" : expires.isAfter(now) ? "fresh" : "lapsed";
        return new ControlFreshness(control.key().value(), days, configured != null, newest == null ? null : newest.collectedAt(),
                newest == null ? null : newest.kind(), attested, expires, state);
    }

    /** Sets a control's window; zero, negative or more than ten years is a 400 naming {@code days}. */
    @Transactional
    public ControlFreshness setDays(WorkspaceId workspace, String key, Integer days, String actor) {
        Control control = catalog.requireControl(key);
        if (days == null || days <= 0 || days > MAX_DAYS) {
            throw new InvalidFieldException("days", "must be a whole number of days from 1 to " + MAX_DAYS);
        }
        rules.save(workspace, control.key().value(), days, actor, clock.instant());
        forgetRead();
        events.publishEvent(new FreshnessRuleChanged(workspace, control.key().value(), days, actor));
        return of(workspace, key);
    }

    /**
     * The control's owner confirms it operates: stored as {@code attestation} evidence in the ledger,
     * valid for the control's window. Anyone but the owner is refused (403); a blank comment is a 400.
     */
    @Transactional
    public EvidenceItem attest(WorkspaceId workspace, String key, String email, String comment) {
        Control control = catalog.requireControl(key);
        ControlState state = controls.getObject().get(workspace, key);
        if (state.owner() == null || email == null || !state.owner().equalsIgnoreCase(email)) {
            throw new AccessDeniedException("Only the owner of " + control.key().value() + " ("
                    + (state.owner() == null ? "nobody yet" : state.owner()) + ") can attest to it");
        }
        if (comment == null || comment.isBlank()) {
            throw new InvalidFieldException("comment", "say how you know the control still operates");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidFieldException("comment", "at most " + MAX_COMMENT + " characters");
        }
        int days = rules.days(workspace).getOrDefault(control.key().value(), defaultDays(control.frequency()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant validUntil = now.plus(Duration.ofDays(days));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("control", control.key().value());
        body.put("owner", email.toLowerCase(Locale.ROOT));
        body.put("comment", comment.strip());
        body.put("attestedAt", now.toString());
        body.put("validUntil", validUntil.toString());
        return store.add(workspace, new NewEvidence("attestation", "Attestation of " + control.key().value() + " by " + email,
                "attestation.json", "application/json", List.of(control.key().value()), validUntil, email),
                json(body).getBytes(StandardCharsets.UTF_8));
    }

    // A flat map of strings: written by hand so that the evidence's bytes do not depend on a JSON library's settings.
    private static String json(Map<String, Object> body) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(e.getKey()).append("\":\"").append(escape(String.valueOf(e.getValue()))).append('"');
        }
        return out.append('}').toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
