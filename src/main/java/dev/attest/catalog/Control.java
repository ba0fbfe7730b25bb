package dev.attest.catalog;

import java.util.List;

/** A control of the library: what a company does, once, to satisfy requirements of many frameworks. */
public record Control(ControlKey key, String name, String description, String domain,
                      Frequency frequency, List<EvidenceKind> evidence) {

    public Control {
        evidence = List.copyOf(evidence);
    }
}
