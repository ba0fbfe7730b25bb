package dev.attest.oscal.internal;

import dev.attest.catalog.OscalSchemas;
import gov.nist.secauto.metaschema.core.model.IBoundObject;
import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import gov.nist.secauto.oscal.lib.model.ComponentDefinition;
import gov.nist.secauto.oscal.lib.model.PlanOfActionAndMilestones;
import gov.nist.secauto.oscal.lib.model.SystemSecurityPlan;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Turns an OSCAL JSON document into its XML form through liboscal-java's bound model, which knows
 * the element order, attributes and markup of each model, so the two serialisations say the same.
 */
final class OscalFormats {

    private OscalFormats() {
    }

    static String toXml(String json, OscalSchemas.Model model) {
        return convert(json, model, type(model));
    }

    private static <T extends IBoundObject> String convert(String json, OscalSchemas.Model model, Class<T> type) {
        OscalBindingContext context = OscalBindingContext.instance();
        try {
            T bound = context.newDeserializer(Format.JSON, type).deserialize(new StringReader(json), URI.create("urn:attest:" + model.root()));
            StringWriter xml = new StringWriter();
            context.newSerializer(Format.XML, type).serialize(bound, xml);
            return xml.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + model.root() + " as XML", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends IBoundObject> Class<T> type(OscalSchemas.Model model) {
        return (Class<T>) switch (model) {
            case SYSTEM_SECURITY_PLAN -> SystemSecurityPlan.class;
            case COMPONENT_DEFINITION -> ComponentDefinition.class;
            case ASSESSMENT_RESULTS -> AssessmentResults.class;
            case PLAN_OF_ACTION_AND_MILESTONES -> PlanOfActionAndMilestones.class;
            default -> throw new IllegalArgumentException("not exported: " + model);
        };
    }
}
