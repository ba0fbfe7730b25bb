package dev.attest.obligations;

import org.springframework.modulith.NamedInterface;
import dev.attest.identity.WorkspaceId;

import java.util.List;

/** A module's open duties with deadlines, offered to the obligations calendar. */
@NamedInterface("spi")
public interface ObligationSource {

    /** The workspace's open obligations (done ones left out). */
    List<Obligation> obligations(WorkspaceId workspace);
}
