package dev.attest.controls;

import dev.attest.identity.WorkspaceEvent;

/** What happens to a workspace's control program: one record per fact, each with its audit-trail action. */
public sealed interface ControlEvent extends WorkspaceEvent permits ControlUpdated, FrameworkAdopted, FrameworkDropped {
}
