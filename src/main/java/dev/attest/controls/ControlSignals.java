package dev.attest.controls;

import dev.attest.catalog.ControlKey;
import dev.attest.identity.WorkspaceId;

import java.util.Map;

/**
 * What tests say about controls, offered by the modules that test them (monitoring's checks,
 * evidence freshness). Controls asks every bean of this type and combines the answers, so that it
 * never depends on the modules that test it.
 */
public interface ControlSignals {

    /** The latest signal per control; a control nothing tests is absent. */
    Map<ControlKey, ControlSignal> signals(WorkspaceId workspace);
}
