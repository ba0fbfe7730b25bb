package dev.attest.controls;

import dev.attest.catalog.ControlKey;

import java.util.List;
import java.util.Map;

/**
 * A workspace's controls read once, for pages that show them all: every control's state and its
 * status (from the same signals), and readiness per adopted framework, in catalog order.
 */
public record ControlsOverview(Map<ControlKey, ControlState> states, Map<ControlKey, ControlStatus> statuses,
                               List<FrameworkReadiness> readiness) {
}
