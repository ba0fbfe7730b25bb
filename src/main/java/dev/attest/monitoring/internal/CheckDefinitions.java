package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckDraft;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.CheckSaved;
import dev.attest.monitoring.Severity;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A workspace's checks: the built-in ones and its own, written, changed, deleted and tried out on a draft. */
@Service
@RequiredArgsConstructor
public class CheckDefinitions {

    private final WorkspaceChecks checks;
    private final BuiltInChecks builtIns;
    private final CheckStore checkStore;
    private final CheckRules rules;
    private final ResourceTypes types;
    private final OfferedResources resources;
    private final Evaluator evaluator;
    private final EvaluationRun runs;
    private final ResultStore results;
    private final RunWriter writer;
    private final ResultEvidence resultEvidence;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Built-in checks and the workspace's own, by key. */
    @Transactional(readOnly = true)
    public List<Check> checks(WorkspaceId workspace) {
        return checks.all(workspace);
    }

    @Transactional(readOnly = true)
    public Check check(WorkspaceId workspace, String key) {
        return checks.get(workspace, key);
    }

    /** The resource types this workspace accepts. */
    public Set<String> resourceTypes(WorkspaceId workspace) {
        return types.known(workspace);
    }

    /**
     * Creates or replaces one of the workspace's own checks. The expression is compiled first; an
     * error comes back naming its line and column. Built-in checks cannot be overwritten. The check
     * then runs over every resource of its type (only it: the other checks' results stand).
     */
    public Check saveCheck(WorkspaceId workspace, CheckDraft draft, String actor) {
        Check check = validated(draft);
        Check before = transactions.execute(status -> {
            results.lock(workspace);
            Check previous = checkStore.find(workspace, check.key()).orElse(null);
            checkStore.save(workspace, check, actor, clock.instant());
            if (previous != null && !previous.resourceType().equals(check.resourceType())) {
                RunWriter.Changes changes = new RunWriter.Changes();
                writer.dropCheck(workspace, check.key(), clock.instant(), changes);
                resultEvidence.delta(workspace, "check:" + check.key(), clock.instant(), changes, check.controls());
            }
            events.publishEvent(previous != null ? new CheckSaved.CheckChanged(workspace, check.key(), actor)
                    : new CheckSaved.CheckCreated(workspace, check.key(), actor));
            return previous;
        });
        if (before == null || !before.expression().equals(check.expression()) || !before.resourceType().equals(check.resourceType())) {
            // a new check (or one that reads another type now) has no earlier result on any resource
            boolean firstTime = before == null || !before.resourceType().equals(check.resourceType());
            runs.evaluate(workspace, "check:" + check.key(), actor, check, firstTime);
        }
        return check;
    }

    /** The draft as a check of the workspace's own, or every problem with it at once; a built-in check's key is taken. */
    private Check validated(CheckDraft draft) {
        Map<String, String> errors = rules.problems(draft);
        if (draft.key() != null && builtIns.get(draft.key()).isPresent()) {
            errors.put("key", "'" + draft.key() + "' is a built-in check; choose another key");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new Check(draft.key(), draft.title().strip(), draft.resourceType(), WireName.parse(Severity.class, draft.severity()).orElseThrow(),
                draft.controls(), draft.description() == null || draft.description().isBlank() ? null : draft.description().strip(),
                draft.expression().strip(), false);
    }

    /** Deletes one of the workspace's checks: its results go and its open findings close. */
    public void deleteCheck(WorkspaceId workspace, String key, String actor) {
        if (builtIns.get(key).isPresent()) {
            throw new InvalidFieldException("key", "built-in checks cannot be deleted");
        }
        transactions.executeWithoutResult(status -> {
            results.lock(workspace);
            if (!checkStore.delete(workspace, key)) {
                throw new NotFoundException("No check " + key);
            }
            RunWriter.Changes changes = new RunWriter.Changes();
            writer.dropCheck(workspace, key, clock.instant(), changes);
            resultEvidence.delta(workspace, "check:" + key, clock.instant(), changes, List.of());
            events.publishEvent(new CheckSaved.CheckDeleted(workspace, key, actor));
        });
    }

    /** Evaluates a draft against the current resources of its type without saving anything. */
    @Transactional(readOnly = true)
    public List<CheckResult> dryRun(WorkspaceId workspace, CheckDraft draft) {
        // what the draft leaves blank, other than its type and expression, gets a stand-in
        CheckDraft named = new CheckDraft(draft.key() == null || draft.key().isBlank() ? "dry-run" : draft.key(),
                draft.title() == null || draft.title().isBlank() ? "dry run" : draft.title(), draft.resourceType(),
                draft.severity() == null || draft.severity().isBlank() ? "medium" : draft.severity(),
                draft.controls().isEmpty() ? List.of("GR-09") : draft.controls(), draft.description(), draft.expression());
        Map<String, String> errors = rules.problems(named);
        errors.remove("key");
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Check check = new Check(named.key(), named.title(), named.resourceType(), WireName.parse(Severity.class, named.severity()).orElseThrow(),
                named.controls(), null, named.expression(), false);
        List<CheckResult> out = new ArrayList<>();
        var run = evaluator.forType(List.of(check), clock.instant(), out::add);
        resources.forEach(workspace, Set.of(check.resourceType()), run);
        return out;
    }
}
