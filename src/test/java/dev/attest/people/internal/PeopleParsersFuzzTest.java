package dev.attest.people.internal;

import dev.attest.support.Fuzz;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster CSV, SCIM filters and SCIM patches: a result, or a 400 naming what is wrong; nothing else. */
class PeopleParsersFuzzTest {

    @Test
    void theRosterCsvParserListsErrorsInsteadOfFailing() {
        String header = RosterCsv.header() + "\n";
        Fuzz.run("roster csv", 31, 3000, Duration.ofSeconds(8), List.of(header,
                "email,name,department,title,manager_email,start_date,end_date,employment_type\n"
                        + "ada@example.com,Ada Lovelace,Engineering,Engineer,,2024-01-15,,employee\n",
                "email,name\nbob@example.com,\"Bob, Jr.\"\n"), input -> {
            RosterCsv.Parsed parsed = RosterCsv.parse(input);
            assertThat(parsed).isNotNull();
            parsed.errors().forEach(error -> {
                assertThat(error.row()).isPositive();
                assertThat(error.field()).isNotBlank();
            });
        });
    }

    @Test
    void scimFiltersMatchOrAreRefusedAsInvalidFilters() {
        Fuzz.run("scim filter", 37, 3000, Duration.ofSeconds(4), List.of("userName eq \"ada@example.com\"",
                "externalId eq \"00u1\"", "emails.value eq \"x@y.z\""), input -> {
            try {
                assertThat(ScimUsersApi.filter(input)).isNotNull();
            } catch (ScimException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void scimPatchesApplyOrAreRefusedWithABadRequest() {
        Fuzz.run("scim patch path", 41, 3000, Duration.ofSeconds(4), List.of("active", "name.givenName", "emails[type eq \"work\"].value",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "title"), input -> {
            for (String op : List.of("add", "replace", "remove", input)) {
                for (Object value : new Object[]{"x", false, null, Map.of("givenName", input), List.of(input)}) {
                    Map<String, Object> user = new LinkedHashMap<>(Map.of("userName", "ada@example.com", "active", true));
                    try {
                        ScimPatch.apply(user, op, input, value);
                        ScimPatch.apply(user, op, null, Map.of(input, "v"));
                    } catch (ScimException e) {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    }
                }
            }
        });
    }

    /** Found by the fuzz test above: a stray quote in the header escaped as an UncheckedIOException, a 500 over HTTP. */
    @Test
    void aStrayQuoteInTheHeaderIsAnErrorOnTheHeader() {
        RosterCsv.Parsed parsed = RosterCsv.parse("email,name,\"\"employment\"\"type\nada@example.com,Ada,employee\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("header");
        });
    }
}
