package dev.steward.directory.group.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.odata.FilterParser;
import dev.steward.platform.web.GraphException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupFilterTest {

    private static void translate(String filter) {
        GroupFilter.CONDITIONS.condition(FilterParser.parse(filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "displayName eq 'Engineering' or displayName ne 'x'",
            "displayName in ('a', 'b') and not startswith(mail,'x')",
            "id eq 1b2c3d4e-0000-4000-8000-00000000abcd",
            "groupTypes/any(c: c eq 'Unified')",
            "not groupTypes/any(c:c eq 'Unified') and securityEnabled eq true",
            "onPremisesSyncEnabled eq true or onPremisesSyncEnabled eq false or onPremisesSyncEnabled eq null",
            "onPremisesSyncEnabled ne null",
            "onPremisesSyncBehavior/isCloudManaged eq true and OnPremisesSyncBehavior/IsCloudManaged ne false",
            "displayName eq null and mailEnabled ne true",
            "startswith(onPremisesSamAccountName,'Eng') and securityIdentifier in ('S-1-12-1-1')"})
    void acceptsTheGroupProperties(String filter) {
        translate(filter);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "membershipRule eq 'x'",
            "displayName gt 'a'",
            "startswith(securityIdentifier,'S-1')",
            "startswith(mailEnabled,'t')",
            "id eq null",
            "mailEnabled eq null",
            "onPremisesSyncBehavior/isCloudManaged eq null",
            "groupTypes/any(c: c ne 'Unified')",
            "groupTypes/any(c: c eq 'Unified' or c eq 'DynamicMembership')",
            "groupTypes/any(c: startswith(c,'Uni'))",
            "groupTypes eq 'Unified'",
            "displayName in ('a', null)"})
    void refusesWhatGroupsDoNotAnswerAsUnsupportedQuery(String filter) {
        assertThatThrownBy(() -> translate(filter)).as(filter).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("Request_UnsupportedQuery");
        });
    }

    @Test
    void namesTheUnknownPropertyAsGraphDoes() {
        assertThatThrownBy(() -> translate("membershipRule eq 'x'")).hasMessage(
                "Unsupported or invalid query filter clause specified for property 'membershipRule' of resource 'Group'.");
    }

    @Test
    void refusesLiteralsOfTheWrongTypeAsBadRequest() {
        for (String filter : List.of("displayName eq 42", "mailEnabled eq 'true'",
                "onPremisesSyncBehavior/isCloudManaged eq 1")) {
            assertThatThrownBy(() -> translate(filter)).as(filter).isInstanceOfSatisfying(GraphException.class,
                    e -> assertThat(e.code()).isEqualTo("Request_BadRequest"));
        }
    }
}
