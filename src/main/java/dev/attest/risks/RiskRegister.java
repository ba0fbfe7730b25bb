package dev.attest.risks;

import dev.attest.identity.WorkspaceId;
import dev.attest.risks.internal.RiskAssessments;
import dev.attest.risks.internal.RiskForms;
import dev.attest.risks.internal.RiskRules;
import dev.attest.risks.internal.RiskStore;
import dev.attest.web.NotFoundException;
import dev.attest.web.SearchTerm;
import dev.attest.web.TableQuery;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A workspace's risk register: records, edits, reviews and removes risks, lists, pages and searches them, and draws
 * the heat map. Every change publishes one {@link RiskEvent}. Text from a form, a body or a file becomes a
 * {@link RecordRisk} in {@code internal.RiskForms}; imports and exports are {@code internal.RiskImports}, the yearly
 * assessments {@code internal.RiskAssessments}.
 */
@Service
@Validated
@RequiredArgsConstructor
public class RiskRegister {

    private final RiskStore store;
    private final RiskForms forms;
    private final RiskRules rules;
    private final RiskAssessments assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<Risk> list(WorkspaceId workspace) {
        return store.all(workspace);
    }

    /** The risks whose title contains the term or whose id it is, by title, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Risk> search(WorkspaceId workspace, SearchTerm term, int limit) {
        return store.search(workspace, term, limit);
    }

    /** The risk; one of another workspace, or none, is a 404. */
    @Transactional(readOnly = true)
    public Risk get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No risk " + id));
    }

    /** Records a risk from text as typed; every bad field is named at once. */
    @Transactional
    public Risk record(WorkspaceId workspace, RiskInput input, String actor) {
        return record(workspace, forms.risk(workspace, input), actor);
    }

    /**
     * Records a risk; besides its constraints, the rules over the workspace's state hold as for a form (the owner a member, the
     * controls the catalog's, an accepted risk's approver and expiry, no review in the future), each broken one named.
     */
    @Transactional
    public Risk record(WorkspaceId workspace, @Valid RecordRisk command, String actor) {
        Instant now = clock.instant();
        Risk risk = rules.check(workspace, command).toRisk(UUID.randomUUID(), now, now, actor);
        store.insert(workspace, risk);
        events.publishEvent(new RiskRecorded(workspace, actor, risk.id(), risk.title()));
        return risk;
    }

    /** Replaces a risk's fields with text as typed; every bad field is named at once. */
    @Transactional
    public Risk update(WorkspaceId workspace, UUID id, RiskInput input, String actor) {
        Risk before = get(workspace, id);
        return update(workspace, before, forms.risk(workspace, input), actor);
    }

    /** Replaces a risk's fields, under the same rules as {@link #record(WorkspaceId, RecordRisk, String)}. */
    @Transactional
    public Risk update(WorkspaceId workspace, UUID id, @Valid RecordRisk command, String actor) {
        Risk before = get(workspace, id);
        return update(workspace, before, rules.check(workspace, command), actor);
    }

    private Risk update(WorkspaceId workspace, Risk before, RecordRisk command, String actor) {
        Risk risk = command.toRisk(before.id(), before.createdAt(), clock.instant(), actor);
        store.update(workspace, risk);
        events.publishEvent(new RiskUpdated(workspace, actor, before.id(), risk.title()));
        return risk;
    }

    /** Records that the risk was reviewed today: its next review falls due in a year. The risk is checked as an edit is. */
    @Transactional
    public Risk markReviewed(WorkspaceId workspace, UUID id, String actor) {
        Risk before = get(workspace, id);
        RiskInput input = RiskInput.of(before).withReviewedOn(LocalDate.now(clock).toString());
        Risk risk = forms.risk(workspace, input).toRisk(id, before.createdAt(), clock.instant(), actor);
        store.update(workspace, risk);
        events.publishEvent(new RiskReviewed(workspace, actor, id, risk.title()));
        return risk;
    }

    @Transactional
    public void remove(WorkspaceId workspace, UUID id, String actor) {
        Risk risk = get(workspace, id);
        store.delete(workspace, id);
        events.publishEvent(new RiskRemoved(workspace, actor, id, risk.title()));
    }

    @Transactional(readOnly = true)
    public HeatMap heatMap(WorkspaceId workspace) {
        return store.heatMap(workspace);
    }

    /** One page of the risks whose title, category or owner contains {@code text}, counted and paged by the database. */
    @Transactional(readOnly = true)
    public List<Risk> page(WorkspaceId workspace, String text, TableQuery query) {
        return store.page(workspace, text, query);
    }

    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace, String text) {
        return store.count(workspace, text);
    }

    /** Records a risk assessment (the yearly one the frameworks ask for, or one after a material change). */
    public RiskAssessment recordAssessment(WorkspaceId workspace, String assessedOn, String summary, String actor) {
        return assessments.record(workspace, assessedOn, summary, actor);
    }
}
