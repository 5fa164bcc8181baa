package dev.steward.directory.user.query;

import static dev.steward.platform.odata.FilterOperator.EQ;
import static dev.steward.platform.odata.FilterOperator.IN;
import static dev.steward.platform.odata.FilterOperator.NE;
import static dev.steward.platform.odata.FilterOperator.STARTS_WITH;
import static dev.steward.platform.odata.FilterType.STRING;

import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.FilterConditions;
import dev.steward.platform.odata.FilterProperty;
import dev.steward.platform.odata.FilterSchema;
import dev.steward.platform.odata.LogicalOperator;
import java.util.EnumSet;
import java.util.List;

/**
 * What {@code GET /users} answers in {@code $filter} and {@code $orderby}, and the {@code user_view} attribute
 * behind each property.
 */
public final class UserFilter {

    public static final FilterSchema SCHEMA = FilterSchema.of("User", EnumSet.allOf(LogicalOperator.class), List.of(
            FilterProperty.of("id", STRING, EQ, NE, IN),
            FilterProperty.of("userPrincipalName", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("displayName", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("mail", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("onPremisesSamAccountName", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("onPremisesSecurityIdentifier", STRING, EQ, NE, IN).orNull()));

    /** The properties {@code $orderby} accepts; each is also the attribute sorted. */
    public static final List<String> SORTABLE = List.of("displayName", "userPrincipalName");

    static final FilterConditions<UserView> CONDITIONS = FilterConditions.<UserView>of(SCHEMA)
            .attribute("id", "id")
            .attribute("userPrincipalName", "userPrincipalName")
            .attribute("displayName", "displayName")
            .attribute("mail", "mail")
            .attribute("onPremisesSamAccountName", "onPremisesSamAccountName")
            .attribute("onPremisesSecurityIdentifier", "onPremisesSecurityIdentifier")
            .build();

    private UserFilter() {
    }

    /** The value of the {@code $orderby} property of {@code user}, for the next page's cursor. */
    public static String sortKey(UserView user, CollectionQuery.OrderBy orderBy) {
        if (orderBy == null) {
            return null;
        }
        return orderBy.property().equals("userPrincipalName") ? user.getUserPrincipalName() : user.getDisplayName();
    }
}
