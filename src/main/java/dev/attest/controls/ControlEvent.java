package dev.attest.controls;

import dev.attest.identity.WorkspaceEvent;

/**
 * What happens to a workspace's control program: one record per fact, each with its audit-trail
 * action ({@link dev.attest.identity.RecordedAs}); what the facts of one framework share is said
 * once, in {@link OfFramework}.
 */
public sealed interface ControlEvent extends WorkspaceEvent permits ControlUpdated, ControlEvent.OfFramework {

    /** A fact about the workspace's pursuit of one framework: its target is the framework. */
    sealed interface OfFramework extends ControlEvent permits FrameworkAdopted, FrameworkDropped {

        /** The framework the fact is about. */
        String frameworkId();

        @Override
        default String target() {
            return "framework:" + frameworkId();
        }
    }
}
