package dev.steward.directory.group.query;

import static dev.steward.platform.odata.FilterOperator.EQ;
import static dev.steward.platform.odata.FilterOperator.IN;
import static dev.steward.platform.odata.FilterOperator.NE;
import static dev.steward.platform.odata.FilterOperator.STARTS_WITH;
import static dev.steward.platform.odata.FilterType.BOOLEAN;
import static dev.steward.platform.odata.FilterType.STRING;

import dev.steward.directory.common.web.CollectionQuery;
import dev.steward.directory.common.web.FilterConditions;
import dev.steward.platform.odata.FilterProperty;
import dev.steward.platform.odata.FilterSchema;
import dev.steward.platform.odata.LogicalOperator;
import dev.steward.platform.odata.PropertyPath;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code GET /groups} answers in {@code $filter} and {@code $orderby}, and the {@code group_view} attribute
 * behind each property.
 */
public final class GroupFilter {

    /** {@code groupTypes/any(c: c eq 'Unified')}: one comparison of the element. */
    static final FilterSchema GROUP_TYPES = FilterSchema.of("groupTypes/any", Set.of(),
            List.of(FilterProperty.of(PropertyPath.ELEMENT, STRING, EQ)));

    public static final FilterSchema SCHEMA = FilterSchema.of("Group", EnumSet.allOf(LogicalOperator.class), List.of(
            FilterProperty.of("id", STRING, EQ, NE, IN),
            FilterProperty.of("displayName", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("mailNickname", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("mail", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("onPremisesSamAccountName", STRING, EQ, NE, IN, STARTS_WITH).orNull(),
            FilterProperty.of("onPremisesSecurityIdentifier", STRING, EQ, NE, IN).orNull(),
            FilterProperty.of("securityIdentifier", STRING, EQ, NE, IN).orNull(),
            FilterProperty.of("mailEnabled", BOOLEAN, EQ, NE),
            FilterProperty.of("securityEnabled", BOOLEAN, EQ, NE),
            FilterProperty.of("onPremisesSyncEnabled", BOOLEAN, EQ, NE).orNull(),
            FilterProperty.of("onPremisesSyncBehavior/isCloudManaged", BOOLEAN, EQ, NE),
            FilterProperty.collection("groupTypes", GROUP_TYPES)));

    /** The properties {@code $orderby} accepts; each is also the attribute sorted. */
    public static final List<String> SORTABLE = List.of("displayName");

    static final FilterConditions<GroupView> CONDITIONS = FilterConditions.<GroupView>of(SCHEMA)
            .attribute("id", "id")
            .attribute("displayName", "displayName")
            .attribute("mailNickname", "mailNickname")
            .attribute("mail", "mail")
            .attribute("onPremisesSamAccountName", "onPremisesSamAccountName")
            .attribute("onPremisesSecurityIdentifier", "onPremisesSecurityIdentifier")
            .attribute("securityIdentifier", "securityIdentifier")
            .attribute("mailEnabled", "mailEnabled")
            .attribute("securityEnabled", "securityEnabled")
            .attribute("onPremisesSyncEnabled", "onPremisesSyncEnabled")
            .attribute("onPremisesSyncBehavior/isCloudManaged", "cloudManaged")
            .jsonArray("groupTypes", "groupTypes")
            .build();

    private GroupFilter() {
    }

    /** The value of the {@code $orderby} property of {@code group}, for the next page's cursor. */
    public static String sortKey(GroupView group, CollectionQuery.OrderBy orderBy) {
        return orderBy == null ? null : group.getDisplayName();
    }
}
