package dev.steward.directory.user.web;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.common.SecurityIdentifiers;
import dev.steward.directory.common.web.GraphJson;
import dev.steward.directory.user.query.UserView;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A user as Graph shows it ({@code microsoft.graph.user}). {@code onPremisesExtensionAttributes} always holds all
 * fifteen keys, null where AD has no value (every cloud user), as Graph does.
 */
public final class UserRepresentation {

    static final Set<String> PROPERTIES = Set.of("id", "accountEnabled", "assignedLicenses", "createdDateTime", "displayName", "mail",
            "mailNickname",
            "onPremisesDistinguishedName", "onPremisesExtensionAttributes", "onPremisesImmutableId",
            "onPremisesLastSyncDateTime",
            "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "userPrincipalName");

    private UserRepresentation() {
    }

    public static Map<String, Object> of(UserView user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.getId());
        json.put("accountEnabled", user.getAccountEnabled());
        json.put("assignedLicenses", user.getAssignedLicenses());
        json.put("createdDateTime", GraphJson.dateTime(user.getCreatedDateTime()));
        json.put("displayName", user.getDisplayName());
        json.put("mail", user.getMail());
        json.put("mailNickname", user.getMailNickname());
        json.put("onPremisesDistinguishedName", user.getOnPremisesDistinguishedName());
        json.put("onPremisesExtensionAttributes", user.getOnPremisesExtensionAttributes().asMap());
        json.put("onPremisesImmutableId", immutableId(user.getOnPremisesAnchor()));
        json.put("onPremisesLastSyncDateTime", GraphJson.dateTime(user.getOnPremisesLastSyncDateTime()));
        json.put("onPremisesSamAccountName", user.getOnPremisesSamAccountName());
        json.put("onPremisesSecurityIdentifier", user.getOnPremisesSecurityIdentifier());
        json.put("onPremisesSyncEnabled", user.isSyncedFromOnPremises() ? Boolean.TRUE : null);
        json.put("userPrincipalName", user.getUserPrincipalName());
        return json;
    }

    /** As Entra shows it: the objectGUID's bytes in Windows order, base64. */
    private static String immutableId(String anchor) {
        return anchor == null ? null
                : Base64.getEncoder().encodeToString(SecurityIdentifiers.windowsGuidBytes(UUID.fromString(anchor)));
    }

    /** The {@code $select}ed properties; an unknown name is a 400, as in Graph. */
    public static Set<String> checkSelect(Set<String> select) {
        for (String name : select) {
            if (!PROPERTIES.contains(name)) {
                throw new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                        "Could not find a property named '" + name + "' on type 'microsoft.graph.user'.");
            }
        }
        return select;
    }
}
