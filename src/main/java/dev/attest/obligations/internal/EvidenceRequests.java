package dev.attest.obligations.internal;

import dev.attest.catalog.EvidenceKind;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.evidence.ControlFreshness;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.identity.WorkspaceId;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evidence requests: on each owned control's frequency, its owner is asked for the evidence it needs.
 * The request is an obligation of the owner (on the calendar, reminded by email before it is due, a
 * finding of the overdue-obligations check once it lapses), due when the control's evidence stops
 * being fresh, or two weeks after the owner took the control when it has none. Its owner is emailed
 * {@code attest.obligations.evidence-reminder-days} (default 14) days before the evidence lapses. Uploading evidence
 * or attesting closes it: the next request is due at the end of the new evidence's window.
 */
@Component
class EvidenceRequests implements ObligationSource {

    static final String KIND = "evidence-request";
    /** How long a new owner has for a control's first evidence. */
    static final Duration FIRST_EVIDENCE = Duration.ofDays(14);

    private final ObjectProvider<WorkspaceControls> controls;
    private final ObjectProvider<EvidenceFreshness> freshness;
    private final Clock clock;
    private final Duration reminder;

    EvidenceRequests(ObjectProvider<WorkspaceControls> controls, ObjectProvider<EvidenceFreshness> freshness, Clock clock,
                     @Value("${attest.obligations.evidence-reminder-days:14}") int reminderDays) {
        if (reminderDays < 0) {
            throw new IllegalArgumentException("attest.obligations.evidence-reminder-days must be zero or more, not " + reminderDays);
        }
        this.reminder = Duration.ofDays(reminderDays);
        this.controls = controls;
        this.freshness = freshness;
        this.clock = clock;
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        Map<ControlKey, ControlState> states = controls.getObject().states(workspace);
        Map<String, ControlFreshness> fresh = freshness.getObject().all(workspace).stream()
                .collect(Collectors.toMap(ControlFreshness::control, f -> f));
        List<Obligation> requests = new ArrayList<>();
        for (ControlState state : states.values()) {
            if (state.owner() == null || state.status() == ImplementationStatus.NOT_APPLICABLE || !needsDocuments(state)) {
                continue;
            }
            String key = state.control().key().value();
            ControlFreshness f = fresh.get(key);
            if (f == null) {
                continue;
            }
            Instant due = f.expiresAt() != null ? f.expiresAt()
                    : (state.updatedAt() == null ? clock.instant() : state.updatedAt()).plus(FIRST_EVIDENCE);
            // The id names the evidence it follows, so each period's request is reminded once.
            String period = f.latestAt() == null ? "first" : String.valueOf(f.latestAt().toEpochMilli());
            requests.add(new Obligation("evidence:request:" + key + ":" + period, KIND,
                    "Evidence for " + key + " " + state.control().name() + " (" + kinds(state) + ")", state.owner(), due,
                    "/evidence?control=" + key, reminder));
        }
        return requests;
    }

    // Controls proven only by automated checks need no file from their owner.
    private static boolean needsDocuments(ControlState state) {
        return state.control().evidence().stream().anyMatch(k -> k != EvidenceKind.AUTOMATED_CHECK);
    }

    private static String kinds(ControlState state) {
        return state.control().evidence().stream().filter(k -> k != EvidenceKind.AUTOMATED_CHECK)
                .map(k -> k.wireName()).collect(Collectors.joining(", "));
    }
}
