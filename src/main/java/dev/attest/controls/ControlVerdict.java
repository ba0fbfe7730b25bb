package dev.attest.controls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The one status a control's page shows: its tested status reconciled with its implementation status,
 * with the reason in words ("Implemented, but 2 checks failing since 3 Dec 2026"), so that a page never
 * shows "Not started" next to "Passing" without saying which one to believe.
 *
 * @param status the tested status, which readiness and the Trust Center use
 * @param reason why, in a sentence
 */
public record ControlVerdict(ControlStatus status, String reason) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public static ControlVerdict of(ImplementationStatus implementation, ControlStatus tested, ControlSignal signal,
                                    List<ControlProof.Monitor> monitors) {
        String claimed = implementation.label();
        return switch (tested) {
            case NOT_APPLICABLE -> new ControlVerdict(tested, "Not applicable to this workspace: nothing needs to prove it");
            case FAILING -> {
                Instant since = monitors.stream().filter(m -> "failing".equals(m.state()) && m.since() != null)
                        .map(ControlProof.Monitor::since).min(Instant::compareTo).orElse(null);
                String checks = signal.failing() + (signal.failing() == 1 ? " check failing" : " checks failing");
                yield new ControlVerdict(tested, claimed + ", but " + checks + (since == null ? "" : " since " + DAY.format(since)));
            }
            case PASSING -> {
                String proof = signal.passing() > 0
                        ? signal.passing() + (signal.passing() == 1 ? " check passing" : " checks passing")
                        : "fresh evidence";
                yield implementation == ImplementationStatus.IMPLEMENTED
                        ? new ControlVerdict(tested, "Implemented and proven: " + proof)
                        : new ControlVerdict(tested, "Proven by " + proof + ", though its implementation status still says "
                        + claimed.toLowerCase(Locale.ROOT) + ": update it");
            }
            case NEEDS_EVIDENCE -> implementation == ImplementationStatus.IMPLEMENTED
                    ? new ControlVerdict(tested, "Implemented, but no passing check or fresh evidence proves it")
                    : new ControlVerdict(tested, claimed + ": no passing check or fresh evidence yet");
        };
    }
}
