package dev.attest.controls;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.internal.Adoptions;
import dev.attest.controls.internal.ControlLibrary;
import dev.attest.controls.internal.ControlReadiness;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A workspace's control program as other modules see it: which frameworks it pursues, how each control
 * stands, and how ready it is for each framework. The jobs themselves are the module's use cases
 * ({@code ControlLibrary}, {@code Adoptions}, {@code ControlEdits}, {@code ControlReadiness}); every
 * change publishes a {@link ControlEvent}.
 */
@Service
@RequiredArgsConstructor
public class WorkspaceControls {

    private final ControlLibrary library;
    private final Adoptions adoptions;
    private final ControlReadiness readiness;

    /** One control as the workspace runs it; an unknown key is a 404. */
    public ControlState get(WorkspaceId workspace, String key) {
        return library.get(workspace, key);
    }

    /** Every control's state keyed by control, for pages that show many requirements at once. */
    public Map<ControlKey, ControlState> states(WorkspaceId workspace) {
        return library.states(workspace);
    }

    /** The frameworks the workspace pursues, in catalog order. */
    public List<AdoptedFramework> adopted(WorkspaceId workspace) {
        return adoptions.adopted(workspace);
    }

    /** Adopts a framework, or changes its scope; required categories are always kept, an unknown one is refused. */
    public AdoptedFramework adopt(WorkspaceId workspace, String frameworkId, Set<String> categories, String actor) {
        return adoptions.adopt(workspace, frameworkId, categories, actor);
    }

    /** Stops pursuing a framework. */
    public void drop(WorkspaceId workspace, String frameworkId, String actor) {
        adoptions.drop(workspace, frameworkId, actor);
    }

    /** States, statuses and readiness from one read of the states and one of the signals. */
    public ControlsOverview overview(WorkspaceId workspace) {
        return readiness.overview(workspace);
    }

    /** Whether a control counts towards readiness: settled, and no check of it failing now. */
    public Predicate<ControlKey> satisfied(WorkspaceId workspace) {
        return readiness.satisfied(workspace);
    }

    /** Every source's signals about the workspace's controls, added up per control. */
    public Map<ControlKey, ControlSignal> signals(WorkspaceId workspace) {
        return readiness.signals(workspace);
    }

    /** Every control's status (passing, failing, needs evidence, not applicable). */
    public Map<ControlKey, ControlStatus> statuses(WorkspaceId workspace) {
        return readiness.statuses(workspace);
    }

    /** One control's status; an unknown key is a 404. */
    public ControlStatus status(WorkspaceId workspace, String key) {
        return readiness.status(workspace, key);
    }
}
