package dev.steward.audit.directoryaudit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An object the activity acted on.
 *
 * @param type      {@code Group}, {@code User} or {@code Other}
 * @param groupType for groups: {@code unifiedGroups} (Microsoft 365) or {@code azureAD}; null when unknown
 */
@JsonPropertyOrder({"id", "displayName", "type", "userPrincipalName", "groupType", "modifiedProperties"})
public record TargetResource(
        String id,
        String displayName,
        String type,
        String userPrincipalName,
        String groupType,
        List<ModifiedProperty> modifiedProperties) {

    public static final String GROUP = "Group";
    public static final String USER = "User";
    public static final String OTHER = "Other";
    public static final String UNIFIED_GROUPS = "unifiedGroups";
    public static final String AZURE_AD = "azureAD";

    public TargetResource {
        modifiedProperties = modifiedProperties == null ? List.of() : List.copyOf(modifiedProperties);
    }

    /** A group named by id and display name, without group type or modified properties. */
    public static TargetResource group(String id, String displayName) {
        return new TargetResource(id, displayName, GROUP, null, null, List.of());
    }
}
