package dev.attest.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * OSCAL catalogs and profiles made up by the tests, in JSON and XML, with the structures real
 * catalogs have: nested groups, controls with enhancements, parameters inserted in the prose (with a
 * value, a selection, or only a label), and withdrawn controls. The same catalog comes out in both
 * formats, so an import of either must give the same framework.
 */
public final class OscalSamples {

    private OscalSamples() {
    }

    /** One control of the generated catalog. */
    public record Control(String id, String title, String label, boolean withdrawn, List<Control> enhancements) {
    }

    /** A group holding controls and, perhaps, subgroups. */
    public record Group(String id, String title, List<Group> groups, List<Control> controls) {
    }

    /**
     * The varied catalog the import tests use: a family of controls with enhancements and withdrawn ones, a
     * family holding a subgroup (in OSCAL JSON a group holds either groups or controls), and a third family.
     */
    public static List<Group> variedGroups(String prefix) {
        Control c1 = new Control(prefix + "-1", "Policy", "X-1", false, List.of());
        Control c2 = new Control(prefix + "-2", "Accounts", "X-2", false, List.of(
                new Control(prefix + "-2.1", "Automated accounts", "X-2(1)", false, List.of()),
                new Control(prefix + "-2.2", "Old rule", "X-2(2)", true, List.of())));
        Control c3 = new Control(prefix + "-3", "Withdrawn base", "X-3", true, List.of());
        Control n1 = new Control(prefix + "n-1", "Nested control", "N-1", false, List.of(
                new Control(prefix + "n-1.1", "Nested enhancement", "N-1(1)", false, List.of())));
        Group nested = new Group(prefix + "-sub", "Subgroup", List.of(), List.of(n1));
        return List.of(new Group(prefix + "-a", "Family A", List.of(), List.of(c1, c2, c3)),
                new Group(prefix + "-b", "Family B", List.of(nested), List.of()),
                new Group(prefix + "-c", "Family C", List.of(), List.of(new Control(prefix + "c-1", "Boundary", "C-1", false, List.of()))));
    }

    /** {@code count} controls in groups of 100, each with one enhancement every fifth control. */
    public static List<Group> manyControls(int count) {
        List<Group> groups = new ArrayList<>();
        int made = 0;
        for (int g = 0; made < count; g++) {
            List<Control> controls = new ArrayList<>();
            for (int i = 0; i < 100 && made < count; i++) {
                String id = "g" + g + "-" + i;
                List<Control> enhancements = new ArrayList<>();
                made++;
                if (i % 5 == 0 && made < count) {
                    enhancements.add(new Control(id + ".1", "Enhancement of " + id, null, false, List.of()));
                    made++;
                }
                controls.add(new Control(id, "Control " + id, null, false, enhancements));
            }
            groups.add(new Group("g" + g, "Group " + g, List.of(), controls));
        }
        return groups;
    }

    public static byte[] catalogJson(String title, List<Group> groups) {
        StringBuilder json = new StringBuilder("{\"catalog\":{\"uuid\":\"" + UUID.randomUUID() + "\",\"metadata\":" + metadata(title)
                + ",\"groups\":[");
        for (int i = 0; i < groups.size(); i++) {
            json.append(i == 0 ? "" : ",");
            groupJson(groups.get(i), json);
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String metadata(String title) {
        return "{\"title\":\"" + title + "\",\"last-modified\":\"2026-12-01T00:00:00Z\",\"version\":\"1.0\",\"oscal-version\":\"1.1.2\"}";
    }

    private static void groupJson(Group group, StringBuilder json) {
        json.append("{\"id\":\"").append(group.id()).append("\",\"title\":\"").append(group.title()).append('"');
        if (!group.groups().isEmpty()) {
            json.append(",\"groups\":[");
            for (int i = 0; i < group.groups().size(); i++) {
                json.append(i == 0 ? "" : ",");
                groupJson(group.groups().get(i), json);
            }
            json.append(']');
        }
        if (!group.controls().isEmpty()) {
            json.append(",\"controls\":[");
            for (int i = 0; i < group.controls().size(); i++) {
                json.append(i == 0 ? "" : ",");
                controlJson(group.controls().get(i), json);
            }
            json.append(']');
        }
        json.append('}');
    }

    private static void controlJson(Control c, StringBuilder json) {
        json.append("{\"id\":\"").append(c.id()).append("\",\"class\":\"SP800-53\",\"title\":\"").append(c.title()).append('"');
        json.append(",\"params\":[{\"id\":\"").append(c.id()).append("_prm_1\",\"label\":\"organization-defined frequency\"},")
                .append("{\"id\":\"").append(c.id()).append("_prm_2\",\"values\":[\"every 90 days\"]},")
                .append("{\"id\":\"").append(c.id()).append("_prm_3\",\"select\":{\"how-many\":\"one-or-more\",\"choice\":[\"daily\",\"weekly\"]}}]");
        json.append(",\"props\":[");
        if (c.label() != null) {
            json.append("{\"name\":\"label\",\"value\":\"").append(c.label()).append("\"}");
        }
        if (c.withdrawn()) {
            json.append(c.label() != null ? "," : "").append("{\"name\":\"status\",\"value\":\"withdrawn\"}");
        }
        json.append("]");
        if (c.label() == null && !c.withdrawn()) {
            json.setLength(json.length() - ",\"props\":[]".length());
        }
        if (!c.withdrawn()) {
            json.append(",\"parts\":[{\"id\":\"").append(c.id()).append("_smt\",\"name\":\"statement\",\"parts\":[")
                    .append("{\"id\":\"").append(c.id()).append("_smt.a\",\"name\":\"item\",\"props\":[{\"name\":\"label\",\"value\":\"a.\"}],")
                    .append("\"prose\":\"Review the accounts {{ insert: param, ").append(c.id()).append("_prm_1 }}.\"},")
                    .append("{\"id\":\"").append(c.id()).append("_smt.b\",\"name\":\"item\",\"props\":[{\"name\":\"label\",\"value\":\"b.\"}],")
                    .append("\"prose\":\"Rotate keys {{ insert: param, ").append(c.id()).append("_prm_2 }} and report {{ insert: param, ")
                    .append(c.id()).append("_prm_3 }}.\"}]}]");
        }
        if (!c.enhancements().isEmpty()) {
            json.append(",\"controls\":[");
            for (int i = 0; i < c.enhancements().size(); i++) {
                json.append(i == 0 ? "" : ",");
                controlJson(c.enhancements().get(i), json);
            }
            json.append(']');
        }
        json.append('}');
    }

    public static byte[] catalogXml(String title, List<Group> groups) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\""
                + UUID.randomUUID() + "\"><metadata><title>" + title + "</title><last-modified>2026-12-01T00:00:00Z</last-modified>"
                + "<version>1.0</version><oscal-version>1.1.2</oscal-version></metadata>");
        groups.forEach(g -> groupXml(g, xml));
        return xml.append("</catalog>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void groupXml(Group group, StringBuilder xml) {
        xml.append("<group id=\"").append(group.id()).append("\"><title>").append(group.title()).append("</title>");
        group.groups().forEach(g -> groupXml(g, xml));
        group.controls().forEach(c -> controlXml(c, xml));
        xml.append("</group>");
    }

    private static void controlXml(Control c, StringBuilder xml) {
        xml.append("<control id=\"").append(c.id()).append("\" class=\"SP800-53\"><title>").append(c.title()).append("</title>");
        xml.append("<param id=\"").append(c.id()).append("_prm_1\"><label>organization-defined frequency</label></param>")
                .append("<param id=\"").append(c.id()).append("_prm_2\"><value>every 90 days</value></param>")
                .append("<param id=\"").append(c.id()).append("_prm_3\"><select how-many=\"one-or-more\"><choice>daily</choice><choice>weekly</choice></select></param>");
        if (c.label() != null) {
            xml.append("<prop name=\"label\" value=\"").append(c.label()).append("\"/>");
        }
        if (c.withdrawn()) {
            xml.append("<prop name=\"status\" value=\"withdrawn\"/>");
        } else {
            xml.append("<part id=\"").append(c.id()).append("_smt\" name=\"statement\">")
                    .append("<part id=\"").append(c.id()).append("_smt.a\" name=\"item\"><prop name=\"label\" value=\"a.\"/>")
                    .append("<p>Review the accounts <insert type=\"param\" id-ref=\"").append(c.id()).append("_prm_1\"/>.</p></part>")
                    .append("<part id=\"").append(c.id()).append("_smt.b\" name=\"item\"><prop name=\"label\" value=\"b.\"/>")
                    .append("<p>Rotate keys <insert type=\"param\" id-ref=\"").append(c.id()).append("_prm_2\"/> and report <insert type=\"param\" id-ref=\"")
                    .append(c.id()).append("_prm_3\"/>.</p></part></part>");
        }
        c.enhancements().forEach(e -> controlXml(e, xml));
        xml.append("</control>");
    }

    /** A profile importing {@code href} (a file name), selecting the ids, setting a parameter, or several imports. */
    public static byte[] profileJson(String title, List<String> hrefs, List<List<String>> ids, String setParam, String setValue) {
        StringBuilder json = new StringBuilder("{\"profile\":{\"uuid\":\"" + UUID.randomUUID() + "\",\"metadata\":" + metadata(title) + ",\"imports\":[");
        for (int i = 0; i < hrefs.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"href\":\"").append(hrefs.get(i)).append('"');
            List<String> selected = ids.get(i);
            if (selected == null) {
                json.append(",\"include-all\":{}}");
            } else {
                json.append(",\"include-controls\":[{\"with-ids\":[");
                for (int k = 0; k < selected.size(); k++) {
                    json.append(k == 0 ? "" : ",").append('"').append(selected.get(k)).append('"');
                }
                json.append("]}]}");
            }
        }
        json.append("]");
        if (setParam != null) {
            json.append(",\"modify\":{\"set-parameters\":[{\"param-id\":\"").append(setParam).append("\",\"values\":[\"").append(setValue).append("\"]}]}");
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
