package dev.steward.sync.export;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.command.SyncUser;
import dev.steward.sync.connectorspace.ObjectType;
import dev.steward.sync.ldap.AdLicences;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A user to export with {@link SyncUser}; its extension attributes are among the exported values as a group's are
 * ({@link ExtensionAttributeValues}). Its licences (null when they are not synced) are not among the values: like a
 * group's membership they travel as differences ({@link LicenceChange}), after the user's {@code SyncUser}.
 */
public record UserExport(
        String anchor,
        String cloudId,
        String userPrincipalName,
        String displayName,
        String mail,
        String securityIdentifier,
        String samAccountName,
        String distinguishedName,
        OnPremisesExtensionAttributes extensionAttributes,
        AdLicences licences) implements ObjectExport {

    public UserExport {
        extensionAttributes = OnPremisesExtensionAttributes.orNone(extensionAttributes);
    }

    /** A user whose licences are not synced. */
    public UserExport(String anchor, String cloudId, String userPrincipalName, String displayName, String mail,
                      String securityIdentifier, String samAccountName, String distinguishedName,
                      OnPremisesExtensionAttributes extensionAttributes) {
        this(anchor, cloudId, userPrincipalName, displayName, mail, securityIdentifier, samAccountName,
                distinguishedName, extensionAttributes, null);
    }

    @Override
    public ObjectType objectType() {
        return ObjectType.USER;
    }

    @Override
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> values = new TreeMap<>();
        values.put("userPrincipalName", userPrincipalName);
        values.put("displayName", displayName);
        values.put("mail", mail);
        values.put("onPremisesSecurityIdentifier", securityIdentifier);
        values.put("onPremisesSamAccountName", samAccountName);
        values.put("onPremisesDistinguishedName", distinguishedName);
        ExtensionAttributeValues.putInto(values, extensionAttributes);
        return values;
    }

    @Override
    public SyncUser command(CommandMetadata metadata, Instant syncedAt) {
        return new SyncUser(metadata, cloudId, anchor, userPrincipalName, displayName, mail, securityIdentifier,
                samAccountName, distinguishedName, extensionAttributes, syncedAt);
    }
}
