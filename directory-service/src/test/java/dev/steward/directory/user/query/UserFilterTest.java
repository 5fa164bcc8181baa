package dev.steward.directory.user.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.platform.odata.FilterParser;
import dev.steward.platform.web.GraphException;
import org.junit.jupiter.api.Test;

class UserFilterTest {

    @Test
    void acceptsTheUserPropertiesWithEveryConnective() {
        UserFilter.CONDITIONS.condition(FilterParser.parse("(userPrincipalName eq 'a@corp.example.test' or "
                + "startswith(displayName,'Car')) and not (mail in ('x@corp.example.test')) and id ne 'u-1'"));
    }

    @Test
    void refusesGroupPropertiesOnUsers() {
        assertThatThrownBy(() -> UserFilter.CONDITIONS.condition(FilterParser.parse("mailEnabled eq true")))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Unsupported or invalid query filter clause specified for property 'mailEnabled' of resource "
                                + "'User'."));
    }

    @Test
    void sortsByDisplayNameOrUserPrincipalName() {
        assertThat(UserFilter.SORTABLE).containsExactly("displayName", "userPrincipalName");
        assertThat(UserFilter.sortKey(null, null)).isNull();
        assertThat(CollectionQuery.parse(java.util.Map.of("$orderby", "userprincipalname desc"), UserFilter.SORTABLE)
                .orderBy()).isEqualTo(new CollectionQuery.OrderBy("userPrincipalName", true));
    }
}
