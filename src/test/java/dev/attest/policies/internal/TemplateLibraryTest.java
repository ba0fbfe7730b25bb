package dev.attest.policies.internal;

import dev.attest.policies.PolicyTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped templates' structure, and framework sections kept or dropped by adoption. */
class TemplateLibraryTest {

    private static final TemplateLibrary LIBRARY = new TemplateLibrary();

    @Test
    void everyTemplateHasTheSevenSectionsOfAPolicyInOrder() {
        assertThat(LIBRARY.templates()).hasSizeGreaterThanOrEqualTo(24);
        for (PolicyTemplate template : LIBRARY.templates()) {
            List<String> sections = template.body().lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3).strip()).toList();
            assertThat(sections).as(template.key()).containsExactly("Purpose", "Scope", "Roles and responsibilities",
                    "Policy statements", "Exceptions", "Enforcement", "Review");
            assertThat(template.body()).as(template.key()).contains("{{review_owner}}");
        }
    }

    @Test
    void theFourPoliciesTheProgrammeLackedAreThere() {
        assertThat(LIBRARY.templates()).extracting(PolicyTemplate::title).contains("Logging and Monitoring Policy",
                "Network Security Policy", "Privacy and Personal Data Protection Policy", "Human Resources Security Policy");
    }

    @Test
    void aFrameworkSectionIsKeptOnlyWhenTheFrameworkIsPursued() {
        String body = """
                ## Policy statements
                Passwords have at least 12 characters.

                {{#framework pci-dss}}
                ### PCI DSS
                Lock after 10 attempts.
                {{/framework}}

                ## Review
                Every year.
                """;

        String withPci = TemplateLibrary.forFrameworks(body, Set.of("pci-dss", "soc2"));
        String without = TemplateLibrary.forFrameworks(body, Set.of("soc2"));

        assertThat(withPci).contains("### PCI DSS\nLock after 10 attempts.").doesNotContain("{{");
        assertThat(without).doesNotContain("PCI DSS", "10 attempts", "{{")
                .contains("Passwords have at least 12 characters.\n\n## Review");
        assertThat(TemplateLibrary.frameworkSections("t", body)).containsExactly("pci-dss");
    }

    @Test
    void anUnclosedNestedOrStraySectionIsRefusedWhenTheTemplateIsRead() {
        String front = "---\ntitle: T\ncontrols: [AC-01]\n---\n";
        assertThatThrownBy(() -> TemplateLibrary.parse("open", front + "{{#framework hipaa}}\ntext\n"))
                .hasMessageContaining("open").hasMessageContaining("hipaa section is not closed");
        assertThatThrownBy(() -> TemplateLibrary.parse("nested", front + "{{#framework hipaa}}\n{{#framework gdpr}}\n{{/framework}}\n"))
                .hasMessageContaining("line 2").hasMessageContaining("inside the hipaa section");
        assertThatThrownBy(() -> TemplateLibrary.parse("stray", front + "text\n{{/framework}}\n"))
                .hasMessageContaining("line 2").hasMessageContaining("without a section to close");
    }

    @Test
    void thePasswordTemplateCarriesThePciDssRulesAsTheStandardStatesThem() {
        PolicyTemplate password = LIBRARY.template("password-authentication").orElseThrow();
        String pci = TemplateLibrary.forFrameworks(password.body(), Set.of("pci-dss"));
        String general = TemplateLibrary.forFrameworks(password.body(), Set.of());

        assertThat(pci).contains("no more than 10 invalid sign-in attempts", "at least 30 minutes", "at least 12 characters",
                "both letters and digits", "at least every 90 days", "more than 15 minutes of inactivity", "last four");
        // The general rules must not contradict PCI DSS for a workspace that does not pursue it either.
        assertThat(general).doesNotContain("90 days", "(8.3.4)").contains("after at most 10 attempts", "at most 15 minutes");
        assertThat(general).doesNotContainPattern("(?i)as long as local law allows");
    }

    @Test
    void cctvAndAccessLogsAreKeptAtLeastThreeMonthsWhateverTheFrameworks() {
        String physical = TemplateLibrary.forFrameworks(LIBRARY.template("physical-security").orElseThrow().body(), Set.of());

        assertThat(physical).contains("Camera recordings and badge access logs are kept for at least three months")
                .doesNotContain("only as long as local law allows");
    }
}
