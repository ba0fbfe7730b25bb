package dev.attest.policies.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceData;
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
            resources.add(new ResourceData()
                    .put("email", a.email())
                    .put("policyId", a.policyId().toString())
                    .optional("policyTitle", s == null ? null : s.policy().title())
                    .put("versionNumber", (long) a.versionNumber())
                    .put("versionHash", a.versionHash())
                    .time("acceptedAt", a.acceptedAt())
                    .put("current", s != null && s.current() != null && s.current().id().equals(a.versionId()))
                    .resource(ACCEPTANCE, a.email() + ":" + a.policyId() + ":" + a.versionNumber()));
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
        List<PolicySummary> adopted = all.stream().filter(s -> template.key().equals(s.policy().templateKey())).toList();
        PolicySummary inForce = adopted.stream().filter(s -> s.current() != null).findFirst().orElse(null);
        ResourceData data = new ResourceData()
                .put("template", template.key())
                .put("title", template.title())
                .put("adopted", !adopted.isEmpty())
                .put("published", inForce != null);
        if (inForce != null) {
            data.put("policyId", inForce.policy().id().toString())
                    .time("publishedAt", inForce.current().publishedAt())
                    .optional("reviewDueAt", endOf(inForce.policy().reviewDue()));
        }
        return data.map();
    }

    private static Map<String, Object> policy(PolicySummary s) {
        ResourceData data = new ResourceData()
                .put("title", s.policy().title())
                .optional("template", s.policy().templateKey())
                .optional("owner", s.policy().owner())
                .put("controls", s.policy().controls())
                .put("published", s.current() != null)
                .name("review", s.review());
        if (s.current() != null) {
            data.put("currentVersion", (long) s.current().number())
                    .put("approvedBy", s.current().approvedBy())
                    .time("approvedAt", s.current().approvedAt())
                    .time("publishedAt", s.current().publishedAt());
        }
        return data.optional("reviewDueAt", endOf(s.policy().reviewDue())).map();
    }

    /** The end of a day, as the instant the next one starts in UTC; null for none. */
    private static String endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
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
