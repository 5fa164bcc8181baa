package dev.steward.directory.group.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.group.query.GroupView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A group as Graph shows it ({@code microsoft.graph.group}). {@code onPremisesExtensionAttributes} always holds all
 * fifteen attributes, null where none is set (as Graph shows them for users).
 */
public final class GroupRepresentation {

    static final Set<String> PROPERTIES = Set.of("id", "createdDateTime", "description", "displayName", "groupTypes",
            "mail", "mailEnabled", "mailNickname", "onPremisesDomainName", "onPremisesExtensionAttributes",
            "onPremisesLastSyncDateTime", "onPremisesNetBiosName", "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "securityEnabled", "securityIdentifier",
            "visibility");

    private GroupRepresentation() {
    }

    public static Map<String, Object> of(GroupView group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", group.getId());
        json.put("createdDateTime", GraphJson.dateTime(group.getCreatedDateTime()));
        json.put("description", group.getDescription());
        json.put("displayName", group.getDisplayName());
        json.put("groupTypes", group.getGroupTypes());
        json.put("mail", group.getMail());
        json.put("mailEnabled", group.isMailEnabled());
        json.put("mailNickname", group.getMailNickname());
        json.put("onPremisesDomainName", group.getOnPremisesDomainName());
        json.put("onPremisesExtensionAttributes", group.getOnPremisesExtensionAttributes().asMap());
        json.put("onPremisesLastSyncDateTime", GraphJson.dateTime(group.getOnPremisesLastSyncDateTime()));
        json.put("onPremisesNetBiosName", group.getOnPremisesNetBiosName());
        json.put("onPremisesSamAccountName", group.getOnPremisesSamAccountName());
        json.put("onPremisesSecurityIdentifier", group.getOnPremisesSecurityIdentifier());
        json.put("onPremisesSyncEnabled", group.getOnPremisesSyncEnabled());
        json.put("securityEnabled", group.isSecurityEnabled());
        json.put("securityIdentifier", group.getSecurityIdentifier());
        json.put("visibility", group.getVisibility());
        return json;
    }

    /** The {@code $select}ed properties; an unknown name is a 400, as in Graph. */
    public static Set<String> checkSelect(Set<String> select) {
        for (String name : select) {
            if (!PROPERTIES.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                        "Could not find a property named '" + name + "' on type 'microsoft.graph.group'.");
            }
        }
        return select;
    }
}
