package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.obligations.Obligation;
import dev.attest.obligations.ObligationSource;
import dev.attest.policies.Acceptance;
import dev.attest.policies.PolicySummary;
import dev.attest.policies.PolicyTemplate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Offers policies ({@code policies.policy}) and acceptances ({@code policies.acceptance}) to the
 * checks, and each published policy's review date to the obligations calendar.
 */
@Component
@RequiredArgsConstructor
class PolicyResources implements ResourceSource, ObligationSource {

    static final String POLICY = "policies.policy";
    static final String ACCEPTANCE = "policies.acceptance";
    static final String TEMPLATE = "policies.template";

    private final PolicyRegister register;
    private final Acceptances acceptances;
    private final TemplateLibrary templates;

    @Override
    public Set<String> types() {
        return Set.of(POLICY, ACCEPTANCE, TEMPLATE);
    }

    @Override
    public List<Resource> resources(WorkspaceId workspace) {
        List<PolicySummary> all = register.list(workspace);
        List<Resource> resources = new ArrayList<>();
        Map<UUID, PolicySummary> byId = new HashMap<>();
        for (PolicySummary s : all) {
            byId.put(s.policy().id(), s);
            resources.add(new Resource(POLICY, s.policy().id().toString(), policy(s)));
        }
        for (Acceptance a : acceptances.acceptances(workspace, null)) {
            PolicySummary s = byId.get(a.policyId());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("email", a.email());
            data.put("policyId", a.policyId().toString());
            if (s != null) {
                data.put("policyTitle", s.policy().title());
            }
            data.put("versionNumber", (long) a.versionNumber());
            data.put("versionHash", a.versionHash());
            data.put("acceptedAt", a.acceptedAt().toString());
            data.put("current", s != null && s.current() != null && s.current().id().equals(a.versionId()));
            resources.add(new Resource(ACCEPTANCE, a.email() + ":" + a.policyId() + ":" + a.versionNumber(), data));
        }
        for (PolicyTemplate template : templates.templates()) {
            resources.add(new Resource(TEMPLATE, template.key(), template(template, all)));
        }
        return resources;
    }

    /**
     * Whether the policy written from a shipped template is in force: published and not past its review
     * date. Offered for every template, adopted or not, so that a check on one fails while it is missing.
     */
    private static Map<String, Object> template(PolicyTemplate template, List<PolicySummary> all) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("template", template.key());
        data.put("title", template.title());
        List<PolicySummary> adopted = all.stream().filter(s -> template.key().equals(s.policy().templateKey())).toList();
        data.put("adopted", !adopted.isEmpty());
        PolicySummary inForce = adopted.stream().filter(s -> s.current() != null).findFirst().orElse(null);
        data.put("published", inForce != null);
        if (inForce != null) {
            data.put("policyId", inForce.policy().id().toString());
            data.put("publishedAt", inForce.current().publishedAt().toString());
            if (inForce.policy().reviewDue() != null) {
                data.put("reviewDueAt", endOf(inForce.policy().reviewDue()));
            }
        }
        return data;
    }

    private static Map<String, Object> policy(PolicySummary s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", s.policy().title());
        // Absent rather than null: checks test presence with has(), and CEL has no use for nulls here.
        if (s.policy().templateKey() != null) {
            data.put("template", s.policy().templateKey());
        }
        if (s.policy().owner() != null) {
            data.put("owner", s.policy().owner());
        }
        data.put("controls", s.policy().controls());
        data.put("published", s.current() != null);
        data.put("review", s.review().wireName());
        if (s.current() != null) {
            data.put("currentVersion", (long) s.current().number());
            data.put("approvedBy", s.current().approvedBy());
            data.put("approvedAt", s.current().approvedAt().toString());
            data.put("publishedAt", s.current().publishedAt().toString());
        }
        if (s.policy().reviewDue() != null) {
            data.put("reviewDueAt", endOf(s.policy().reviewDue()));
        }
        return data;
    }

    private static String endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }

    @Override
    public List<Obligation> obligations(WorkspaceId workspace) {
        return register.list(workspace).stream()
                .filter(s -> s.current() != null && s.policy().reviewDue() != null)
                .map(s -> new Obligation("policies:review:" + s.policy().id(), "policy-review", "Review " + s.policy().title(),
                        s.policy().owner(), s.policy().reviewDue().atStartOfDay().toInstant(ZoneOffset.UTC),
                        "/policies/" + s.policy().id()))
                .toList();
    }
}
