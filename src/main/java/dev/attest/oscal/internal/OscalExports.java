package dev.attest.oscal.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.OscalSchemas;
import dev.attest.catalog.Requirement;
import dev.attest.controls.AdoptedFramework;
import dev.attest.controls.ControlState;
import dev.attest.controls.ImplementationStatus;
import dev.attest.controls.Readiness;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckTally;
import dev.attest.monitoring.CollectorConnections;
import dev.attest.monitoring.Connection;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.Monitoring;
import dev.attest.responsibility.Party;
import dev.attest.responsibility.Responsibility;
import dev.attest.responsibility.SharedResponsibility;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.PublicBaseUrl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the OSCAL 1.1.3 documents Attest exports, as JSON trees: the system security plan of an
 * adopted framework, the component definition of the checks, assessment results over a period and
 * the POA&M of open findings. Identifiers derived from Attest's own ids are name-based (UUID v5), so
 * that the same subject keeps its UUID from one export to the next.
 */
@Service
class OscalExports {

    static final String NS = "https://attest.dev/ns/oscal";
    static final String OSCAL_VERSION = "1.1.3";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NOT_TOKEN = Pattern.compile("[^A-Za-z0-9._-]");

    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final Monitoring monitoring;
    private final CollectorConnections connections;
    private final SharedResponsibility responsibility;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    OscalExports(Catalog catalog, WorkspaceControls controls, Monitoring monitoring, CollectorConnections connections,
                 SharedResponsibility responsibility, PublicBaseUrl baseUrl, Clock clock) {
        this.catalog = catalog;
        this.controls = controls;
        this.monitoring = monitoring;
        this.connections = connections;
        this.responsibility = responsibility;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A document ready to send: the JSON text, or its XML form. */
    static String serialise(ObjectNode document, OscalSchemas.Model model, OscalSchemas.Format format) {
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        return format == OscalSchemas.Format.JSON ? json : OscalFormats.toXml(json, model);
    }

    // ---------------------------------------------------------------- system security plan

    /** The implementation state OSCAL records for a requirement, from the states of the controls mapped to it. */
    static String implementationState(Requirement requirement, Map<ControlKey, ControlState> states) {
        if (requirement.controls().isEmpty()) {
            String reason = requirement.noControlReason() == null ? "" : requirement.noControlReason();
            return reason.startsWith("not applicable") ? "not-applicable" : "alternative";
        }
        List<ImplementationStatus> statuses = requirement.controls().stream()
                .map(k -> states.containsKey(k) ? states.get(k).status() : ImplementationStatus.NOT_STARTED).toList();
        if (statuses.stream().allMatch(s -> s == ImplementationStatus.NOT_APPLICABLE)) {
            return "not-applicable";
        }
        if (statuses.stream().allMatch(ImplementationStatus::settled)) {
            return "implemented";
        }
        if (statuses.stream().anyMatch(s -> s == ImplementationStatus.IMPLEMENTED || s == ImplementationStatus.IN_PROGRESS)) {
            return "partial";
        }
        return "planned";
    }

    /** The control-id an OSCAL document uses for a requirement: its ref when that is a token, else a token made from it. */
    static String controlId(String ref) {
        String token = NOT_TOKEN.matcher(ref).replaceAll("_");
        return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_' ? token : "r" + token;
    }

    @Transactional(readOnly = true)
    public ObjectNode systemSecurityPlan(CurrentUser user, String frameworkId) {
        WorkspaceId workspace = user.workspaceId();
        Framework framework = catalog.requireFramework(frameworkId);
        AdoptedFramework adopted = controls.adopted(workspace).stream().filter(a -> a.frameworkId().equals(frameworkId)).findFirst()
                .orElseThrow(() -> new InvalidFieldException("framework", framework.name() + " is not adopted by this workspace: adopt it first"));
        Map<ControlKey, ControlState> states = controls.states(workspace);
        Map<String, Responsibility> carried = new HashMap<>();
        responsibility.matrix(workspace).forEach(r -> carried.put(r.control(), r));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        ObjectNode ssp = NODES.objectNode();
        ssp.put("uuid", UUID.randomUUID().toString());
        ObjectNode metadata = metadata(user.workspaceName() + " system security plan: " + framework.name(), now);
        ArrayNode roles = metadata.putArray("roles");
        roles.addObject().put("id", "control-owner").put("title", "Control owner");
        roles.addObject().put("id", "provider").put("title", "Provider (subservice organization)");
        roles.addObject().put("id", "customer").put("title", "Customer (user entity)");
        Map<String, String> parties = new LinkedHashMap<>();
        ssp.set("metadata", metadata);
        String frameworkResource = uuid("framework", framework.id());
        ssp.putObject("import-profile").put("href", "#" + frameworkResource);

        ObjectNode characteristics = ssp.putObject("system-characteristics");
        characteristics.putArray("system-ids").addObject().put("identifier-type", "https://ietf.org/rfc/rfc4122")
                .put("id", workspace.value().toString());
        characteristics.put("system-name", user.workspaceName());
        characteristics.put("description", md("The services of " + user.workspaceName() + " as described by its Attest workspace: "
                + "the controls it runs, the systems Attest monitors and the providers it relies on."));
        ObjectNode info = characteristics.putObject("system-information").putArray("information-types").addObject();
        info.put("uuid", uuid("information-type", workspace.value().toString()));
        info.put("title", "Customer data");
        info.put("description", "Data that customers store in and process with the services.");
        info.putObject("confidentiality-impact").put("base", "fips-199-moderate");
        info.putObject("integrity-impact").put("base", "fips-199-moderate");
        info.putObject("availability-impact").put("base", "fips-199-moderate");
        characteristics.putObject("status").put("state", "operational");
        characteristics.putObject("authorization-boundary").put("description",
                md("The production services of " + user.workspaceName() + " and the systems its Attest connections collect from."));

        ObjectNode implementation = ssp.putObject("system-implementation");
        implementation.putArray("users").addObject().put("uuid", uuid("user", "control-owners", workspace.value().toString()))
                .put("title", "Control owners").putArray("role-ids").add("control-owner");
        ArrayNode components = implementation.putArray("components");
        String thisSystem = uuid("component", "this-system", workspace.value().toString());
        ObjectNode self = components.addObject();
        self.put("uuid", thisSystem).put("type", "this-system").put("title", md(user.workspaceName()))
                .put("description", md("The system as a whole, as the company runs it.")).putObject("status").put("state", "operational");
        Map<UUID, String> providerComponents = new LinkedHashMap<>();
        for (Responsibility r : carried.values()) {
            if (r.providerId() != null && !providerComponents.containsKey(r.providerId())) {
                String component = uuid("component", "provider", r.providerId().toString());
                providerComponents.put(r.providerId(), component);
                ObjectNode provider = components.addObject();
                provider.put("uuid", component).put("type", "service").put("title", md(r.providerName()))
                        .put("description", md(r.providerName() + ", a provider from the vendor register whose controls the system inherits."));
                provider.putArray("props").addObject().put("name", "implementation-point").put("value", "external");
                provider.putObject("status").put("state", "operational");
            }
        }
        for (Connection connection : connections.list(workspace)) {
            ObjectNode component = components.addObject();
            component.put("uuid", uuid("component", "connection", connection.id().toString())).put("type", "software")
                    .put("title", md(connection.name()))
                    .put("description", md("Attest connection: the " + connection.kind() + " collector reading " + connection.target() + "."));
            component.putArray("props").addObject().put("name", "collector").put("ns", NS).put("value", controlId(connection.kind()));
            component.putObject("status").put("state", connection.enabled() ? "operational" : "disposition");
        }

        ObjectNode controlImplementation = ssp.putObject("control-implementation");
        controlImplementation.put("description", md("How the controls of the Attest library implement " + framework.name()
                + ", with each requirement's state from the controls mapped to it."));
        ArrayNode implemented = controlImplementation.putArray("implemented-requirements");
        for (Requirement requirement : framework.requirements()) {
            if (!Readiness.inScope(requirement, adopted.categories())) {
                continue;
            }
            implemented.add(implementedRequirement(framework, requirement, states, carried, thisSystem, providerComponents, parties, metadata));
        }
        if (!parties.isEmpty()) {
            ArrayNode partyList = metadata.putArray("parties");
            parties.forEach((email, id) -> person(partyList, id, email));
        }
        ArrayNode resources = ssp.putObject("back-matter").putArray("resources");
        ObjectNode resource = resources.addObject().put("uuid", frameworkResource).put("title", md(framework.name()))
                .put("description", md(framework.edition() + (catalog.isImported(framework.id()) ? " (imported from OSCAL into Attest)"
                        : " (as the Attest catalog " + catalog.version() + " lists it)")));
        resource.putArray("props").addObject().put("name", "framework").put("ns", NS).put("value", controlId(framework.id()));
        return wrap("system-security-plan", ssp);
    }

    private ObjectNode implementedRequirement(Framework framework, Requirement requirement, Map<ControlKey, ControlState> states,
                                              Map<String, Responsibility> carried, String thisSystem, Map<UUID, String> providerComponents,
                                              Map<String, String> parties, ObjectNode metadata) {
        String controlId = controlId(requirement.ref());
        ObjectNode node = NODES.objectNode();
        node.put("uuid", uuid("implemented-requirement", framework.id(), requirement.ref()));
        node.put("control-id", controlId);
        ArrayNode props = node.putArray("props");
        props.addObject().put("name", "label").put("value", requirement.citation() == null ? requirement.ref() : requirement.citation());
        for (ControlKey key : requirement.controls()) {
            props.addObject().put("name", "control").put("ns", NS).put("value", key.value());
        }
        Set<String> owners = new LinkedHashSet<>();
        requirement.controls().forEach(k -> {
            ControlState state = states.get(k);
            if (state != null && state.owner() != null) {
                owners.add(state.owner());
            }
        });
        if (!owners.isEmpty()) {
            ArrayNode partyIds = node.putArray("responsible-roles").addObject().put("role-id", "control-owner").putArray("party-uuids");
            owners.forEach(o -> partyIds.add(parties.computeIfAbsent(o, e -> uuid("party", e))));
        }
        String state = implementationState(requirement, states);
        ArrayNode byComponents = node.putArray("by-components");
        ObjectNode own = byComponents.addObject();
        own.put("component-uuid", thisSystem).put("uuid", uuid("by-component", framework.id(), requirement.ref(), "this-system"));
        own.put("description", md(describe(requirement, states)));
        own.putObject("implementation-status").put("state", state);
        List<ObjectNode> provided = new ArrayList<>();
        List<ObjectNode> customer = new ArrayList<>();
        Map<String, List<Responsibility>> byProvider = new TreeMap<>();
        for (ControlKey key : requirement.controls()) {
            Responsibility r = carried.get(key.value());
            if (r == null) {
                continue;
            }
            if (r.party().involvesCompany()) {
                provided.add(NODES.objectNode().put("uuid", uuid("provided", requirement.ref(), key.value()))
                        .put("description", md(key.value() + " " + r.controlName() + ": operated by the company.")));
            }
            if (r.party().involvesCustomer()) {
                customer.add(NODES.objectNode().put("uuid", uuid("responsibility", requirement.ref(), key.value()))
                        .put("description", md(key.value() + ": " + r.customerGuidance())));
            }
            if (r.party().involvesProvider() && providerComponents.containsKey(r.providerId())) {
                byProvider.computeIfAbsent(providerComponents.get(r.providerId()), k -> new ArrayList<>()).add(r);
            }
        }
        if (!provided.isEmpty() || !customer.isEmpty()) {
            ObjectNode export = own.putObject("export");
            if (!provided.isEmpty()) {
                export.putArray("provided").addAll(provided);
            }
            if (!customer.isEmpty()) {
                export.putArray("responsibilities").addAll(customer);
            }
        }
        byProvider.forEach((component, carriedByIt) -> {
            ObjectNode leveraged = byComponents.addObject();
            leveraged.put("component-uuid", component).put("uuid", uuid("by-component", framework.id(), requirement.ref(), component));
            leveraged.put("description", md("Inherited from " + carriedByIt.get(0).providerName() + "."));
            ArrayNode inherited = leveraged.putArray("inherited");
            List<ObjectNode> satisfied = new ArrayList<>();
            for (Responsibility r : carriedByIt) {
                ObjectNode entry = inherited.addObject().put("uuid", uuid("inherited", requirement.ref(), r.control()))
                        .put("description", md(r.control() + " " + r.controlName() + ": " + (r.providerDuty() == null
                                ? "operated by " + r.providerName() : r.providerDuty())));
                entry.putArray("responsible-roles").addObject().put("role-id", "provider");
                if (r.party() == Party.SHARED) {
                    satisfied.add(NODES.objectNode().put("uuid", uuid("satisfied", requirement.ref(), r.control()))
                            .put("description", md(r.control() + ": the company operates its part of the shared control.")));
                }
            }
            if (!satisfied.isEmpty()) {
                leveraged.putArray("satisfied").addAll(satisfied);
            }
        });
        return node;
    }

    private String describe(Requirement requirement, Map<ControlKey, ControlState> states) {
        if (requirement.controls().isEmpty()) {
            return "No control of the library covers " + requirement.ref() + ": " + (requirement.noControlReason() == null
                    ? "no reason recorded." : requirement.noControlReason());
        }
        List<String> parts = new ArrayList<>();
        for (ControlKey key : requirement.controls()) {
            ControlState state = states.get(key);
            String name = catalog.control(key.value()).map(c -> c.name()).orElse(key.value());
            parts.add(key.value() + " " + name + " (" + (state == null ? "not started" : state.status().label().toLowerCase()) + ")");
        }
        return requirement.title() + ": " + String.join("; ", parts) + ".";
    }

    // ---------------------------------------------------------------- component definition

    @Transactional(readOnly = true)
    public ObjectNode componentDefinition(CurrentUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode definition = NODES.objectNode();
        definition.put("uuid", UUID.randomUUID().toString());
        definition.set("metadata", metadata(user.workspaceName() + ": Attest checks as components", now));
        String library = uuid("library", catalog.version());
        Map<String, Map<String, List<Check>>> bySource = new TreeMap<>();
        for (Check check : monitoring.checks(user.workspaceId())) {
            String source = check.resourceType().contains(".") ? check.resourceType().substring(0, check.resourceType().indexOf('.'))
                    : check.resourceType();
            for (String control : check.controls()) {
                bySource.computeIfAbsent(source, k -> new TreeMap<>()).computeIfAbsent(control, k -> new ArrayList<>()).add(check);
            }
        }
        if (bySource.isEmpty()) {
            throw new NotFoundException("This workspace has no check that proves a control: nothing to describe");
        }
        ArrayNode components = definition.putArray("components");
        bySource.forEach((source, byControl) -> {
            ObjectNode component = components.addObject();
            component.put("uuid", uuid("collector", source)).put("type", "software").put("title", md(source + " collector"));
            component.put("description", md("The Attest " + source + " collector and the checks over the resources it collects."));
            component.putArray("props").addObject().put("name", "collector").put("ns", NS).put("value", controlId(source));
            ObjectNode implementation = component.putArray("control-implementations").addObject();
            implementation.put("uuid", uuid("control-implementation", source, catalog.version()));
            implementation.put("source", "#" + library);
            implementation.put("description", md("Controls of the Attest library that the " + source + " checks test."));
            ArrayNode requirements = implementation.putArray("implemented-requirements");
            byControl.forEach((control, checks) -> {
                ObjectNode requirement = requirements.addObject();
                requirement.put("uuid", uuid("check-requirement", source, control)).put("control-id", controlId(control));
                requirement.put("description", md("Tested by: " + String.join("; ", checks.stream()
                        .map(c -> c.title() + " (" + c.key() + ", over " + c.resourceType() + ")").toList()) + "."));
                ArrayNode props = requirement.putArray("props");
                checks.forEach(c -> props.addObject().put("name", "check").put("ns", NS).put("value", controlId(c.key())));
            });
        });
        definition.putObject("back-matter").putArray("resources").addObject().put("uuid", library)
                .put("title", md("Attest control library, catalog " + catalog.version()));
        return wrap("component-definition", definition);
    }

    // ---------------------------------------------------------------- assessment results

    @Transactional(readOnly = true)
    public ObjectNode assessmentResults(CurrentUser user, Instant from, Instant to) {
        WorkspaceId workspace = user.workspaceId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode results = NODES.objectNode();
        results.put("uuid", UUID.randomUUID().toString());
        results.set("metadata", metadata(user.workspaceName() + ": assessment results " + from + " to " + to, now));
        String plan = uuid("assessment-plan", workspace.value().toString());
        results.putObject("import-ap").put("href", "#" + plan);
        ObjectNode result = results.putArray("results").addObject();
        result.put("uuid", UUID.randomUUID().toString());
        result.put("title", "Continuous monitoring by Attest");
        result.put("description", md("The checks Attest ran over the monitored systems between " + from + " and " + to
                + ", with the evidence each run recorded, and the failing checks as findings."));
        result.put("start", from.toString());
        result.put("end", to.toString());
        result.putObject("reviewed-controls").putArray("control-selections").addObject().putObject("include-all");

        ArrayNode observations = NODES.arrayNode();
        for (Evaluation run : monitoring.evaluations(workspace, 1000)) {
            if (run.finishedAt() == null || run.finishedAt().isBefore(from) || run.finishedAt().isAfter(to)) {
                continue;
            }
            ObjectNode observation = observations.addObject();
            observation.put("uuid", uuid("run", run.id().toString()));
            observation.put("title", "Monitoring run (" + run.trigger() + ")");
            observation.put("description", md("Run " + run.id() + ": " + run.resources() + " resources, " + run.resultsPassed()
                    + " results passed, " + run.resultsFailed() + " failed; " + run.checksFailing() + " checks failing."));
            observation.putArray("methods").add("TEST");
            observation.put("collected", run.finishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            if (run.evidenceId() != null) {
                observation.putArray("relevant-evidence").addObject().put("href", baseUrl.link("/api/v1/evidence/" + run.evidenceId()))
                        .put("description", md("The check results this run recorded, in the evidence ledger."));
            }
        }
        Map<String, Check> checks = new HashMap<>();
        monitoring.checks(workspace).forEach(c -> checks.put(c.key(), c));
        Map<String, String> checkObservations = new HashMap<>();
        for (CheckTally tally : monitoring.tallies(workspace).values()) {
            Check check = checks.get(tally.checkKey());
            if (check == null || tally.evaluatedAt() == null || tally.evaluatedAt().isAfter(to)) {
                continue;
            }
            String id = uuid("check-observation", tally.checkKey(), from.toString(), to.toString());
            checkObservations.put(tally.checkKey(), id);
            ObjectNode observation = observations.addObject();
            observation.put("uuid", id);
            observation.put("title", md(check.title()));
            observation.put("description", md("Check " + check.key() + " over " + check.resourceType() + ": " + tally.passed()
                    + " passed, " + tally.failed() + " failed. Proves " + String.join(", ", check.controls()) + "."));
            observation.putArray("methods").add("TEST");
            observation.put("collected", tally.evaluatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            observation.putArray("relevant-evidence").addObject()
                    .put("href", baseUrl.link("/api/v1/checks/" + check.key() + "/results"))
                    .put("description", md("The latest result of the check on each resource."));
        }
        if (!observations.isEmpty()) {
            result.set("observations", observations);
        }
        ArrayNode findings = NODES.arrayNode();
        for (Finding finding : monitoring.failingFindings(workspace, 1000)) {
            if (finding.openedAt().isAfter(to)) {
                continue;
            }
            ObjectNode node = findings.addObject();
            node.put("uuid", uuid("finding", finding.id().toString()));
            node.put("title", md(finding.checkKey() + " fails on " + finding.resourceId()));
            node.put("description", md("Check " + finding.checkKey() + " fails on " + finding.resourceType() + " " + finding.resourceId()
                    + " since " + finding.openedAt().truncatedTo(ChronoUnit.SECONDS) + "; due " + finding.dueAt() + "."));
            ObjectNode target = node.putObject("target");
            target.put("type", "objective-id").put("target-id", controlId((finding.controlKey() == null ? finding.checkKey() : finding.controlKey()) + "_obj"));
            target.putObject("status").put("state", "not-satisfied");
            String observation = checkObservations.get(finding.checkKey());
            if (observation != null) {
                node.putArray("related-observations").addObject().put("observation-uuid", observation);
            }
        }
        if (!findings.isEmpty()) {
            result.set("findings", findings);
        }
        results.putObject("back-matter").putArray("resources").addObject().put("uuid", plan)
                .put("title", "Attest continuous monitoring")
                .put("description", md("There is no separate assessment plan: every check Attest holds runs on every collection."));
        return wrap("assessment-results", results);
    }

    // ---------------------------------------------------------------- POA&M

    @Transactional(readOnly = true)
    public ObjectNode planOfActionAndMilestones(CurrentUser user) {
        WorkspaceId workspace = user.workspaceId();
        List<Finding> open = monitoring.failingFindings(workspace, 1000);
        if (open.isEmpty()) {
            throw new NotFoundException("No open finding: there is nothing to plan");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode poam = NODES.objectNode();
        poam.put("uuid", UUID.randomUUID().toString());
        ObjectNode metadata = metadata(user.workspaceName() + ": plan of action and milestones", now);
        poam.set("metadata", metadata);
        poam.putObject("system-id").put("identifier-type", "https://ietf.org/rfc/rfc4122").put("id", workspace.value().toString());
        ArrayNode risks = poam.putArray("risks");
        ArrayNode items = poam.putArray("poam-items");
        Map<String, String> owners = new LinkedHashMap<>();
        for (Finding finding : open) {
            String risk = uuid("risk", finding.id().toString());
            ObjectNode riskNode = risks.addObject();
            riskNode.put("uuid", risk);
            riskNode.put("title", md(finding.checkKey() + " fails on " + finding.resourceId()));
            riskNode.put("description", md("Check " + finding.checkKey() + " fails on " + finding.resourceType() + " " + finding.resourceId() + "."));
            riskNode.put("statement", md("Until fixed, control " + (finding.controlKey() == null ? "(none)" : finding.controlKey())
                    + " is not proven on this resource (severity " + finding.severity().name().toLowerCase() + ")."));
            riskNode.put("status", "open");
            if (finding.dueAt() != null) {
                riskNode.put("deadline", finding.dueAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            ObjectNode item = items.addObject();
            item.put("uuid", uuid("poam-item", finding.id().toString()));
            item.put("title", md("Fix " + finding.checkKey() + " on " + finding.resourceId()));
            item.put("description", md("Make " + finding.resourceType() + " " + finding.resourceId() + " pass " + finding.checkKey()
                    + (finding.dueAt() == null ? "." : " by " + finding.dueAt().truncatedTo(ChronoUnit.SECONDS) + ".")));
            ArrayNode props = item.putArray("props");
            if (finding.owner() != null) {
                props.addObject().put("name", "owner").put("ns", NS).put("value", finding.owner());
                owners.computeIfAbsent(finding.owner(), e -> uuid("party", e));
            }
            if (finding.dueAt() != null) {
                props.addObject().put("name", "due-date").put("ns", NS).put("value", finding.dueAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            if (finding.controlKey() != null) {
                props.addObject().put("name", "control").put("ns", NS).put("value", finding.controlKey());
            }
            props.addObject().put("name", "check").put("ns", NS).put("value", controlId(finding.checkKey()));
            item.putArray("related-risks").addObject().put("risk-uuid", risk);
        }
        if (!owners.isEmpty()) {
            ArrayNode parties = metadata.putArray("parties");
            owners.forEach((email, id) -> person(parties, id, email));
        }
        return wrap("plan-of-action-and-milestones", poam);
    }

    // ---------------------------------------------------------------- shared

    private static ObjectNode metadata(String title, Instant now) {
        ObjectNode metadata = NODES.objectNode();
        metadata.put("title", md(title));
        metadata.put("last-modified", now.toString());
        metadata.put("version", now.toString());
        metadata.put("oscal-version", OSCAL_VERSION);
        return metadata;
    }

    /** A person party named by email; the address is listed only when the schema's email format accepts it. */
    private static void person(ArrayNode parties, String id, String email) {
        ObjectNode party = parties.addObject().put("uuid", id).put("type", "person").put("name", md(email));
        if (dev.attest.catalog.OscalSchemas.acceptsEmail(email)) {
            party.putArray("email-addresses").add(email);
        }
    }

    private static ObjectNode wrap(String root, ObjectNode body) {
        ObjectNode document = NODES.objectNode();
        document.set(root, body);
        return document;
    }

    /** Text for an OSCAL markup field: Markdown's own characters escaped, so names and notes read as written. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]{}<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A name-based UUID (version 5, SHA-1) in Attest's namespace: the same parts give the same UUID every time. */
    static String uuid(String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(("attest:" + String.join("\u0000", parts)).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(most, least).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
