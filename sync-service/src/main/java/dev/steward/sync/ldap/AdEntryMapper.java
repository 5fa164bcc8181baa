package dev.steward.sync.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Turns LDAP entries into {@link AdUser}s and {@link AdGroup}s; binary attributes are decoded from their bytes. */
public final class AdEntryMapper {

    /** Where write-back anchors a group it created in AD: Entra's attribute, or this one where AD lacks it. */
    static final String WRITTEN_BACK_ANCHOR = "msDS-ExternalDirectoryObjectId";
    static final String ADMIN_DESCRIPTION = "adminDescription";
    /** The anchor's prefix: {@code Group_<cloud id>}. */
    static final String WRITTEN_BACK_PREFIX = "Group_";

    static final String[] USER_ATTRIBUTES = Stream.concat(
            Stream.of("objectGUID", "objectSid", "sAMAccountName", "cn", "userPrincipalName", "displayName", "mail"),
            IntStream.rangeClosed(1, OnPremisesExtensionAttributes.COUNT).mapToObj(OnPremisesExtensionAttributes::name))
            .toArray(String[]::new);
    static final String[] GROUP_ATTRIBUTES = Stream.concat(
            Stream.of("objectGUID", "objectSid", "sAMAccountName", "cn", "displayName", "description", "mail",
                    "mailNickname", "groupType", "managedBy", "member", WRITTEN_BACK_ANCHOR, ADMIN_DESCRIPTION),
            IntStream.rangeClosed(1, OnPremisesExtensionAttributes.COUNT).mapToObj(OnPremisesExtensionAttributes::name))
            .toArray(String[]::new);

    private AdEntryMapper() {
    }

    /** The attributes read of a user. */
    public static List<String> userAttributes() {
        return List.of(USER_ATTRIBUTES);
    }

    /** The attributes read of a group ({@code member} without a range option). */
    public static List<String> groupAttributes() {
        return List.of(GROUP_ATTRIBUTES);
    }

    /**
     * A group that write-back created in AD for a cloud group ({@code Group_<id>} in its anchor attribute). Like
     * Connect Sync's "In from AD - Group Filtering" rule, the sync engine leaves it out: the group is the cloud's, not an
     * AD group to import as a new synced one.
     */
    public static boolean writtenBackFromTheCloud(Entry entry) {
        return Stream.of(WRITTEN_BACK_ANCHOR, ADMIN_DESCRIPTION).map(entry::getAttributeValue)
                .anyMatch(value -> value != null && value.startsWith(WRITTEN_BACK_PREFIX));
    }

    /** @throws IllegalArgumentException with the reason when the entry cannot be synced */
    public static AdUser user(Entry entry) {
        return user(entry, null);
    }

    /**
     * A user, with its licences read from {@code licenceAttribute} when that is given (null: licences are not read).
     *
     * @throws IllegalArgumentException with the reason when the entry cannot be synced
     */
    public static AdUser user(Entry entry, String licenceAttribute) {
        String upn = text(entry, "userPrincipalName");
        if (upn == null) {
            throw new IllegalArgumentException("userPrincipalName is empty");
        }
        return new AdUser(anchor(entry), entry.getDN(), text(entry, "cn"), upn, text(entry, "displayName"),
                text(entry, "mail"), sid(entry), text(entry, "sAMAccountName"), extensionAttributes(entry),
                licenceAttribute == null ? null : AdLicences.parse(entry.getAttributeValues(licenceAttribute)));
    }

    /** @throws IllegalArgumentException with the reason when the entry cannot be synced */
    public static AdGroup group(Entry entry) {
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase("member")
                    && attribute.getOptions().stream().anyMatch(o -> o.toLowerCase().startsWith("range="))) {
                throw new IllegalArgumentException("the member list is incomplete (" + attribute.getName()
                        + "): read its remaining ranges first (LdapConnector does)");
            }
        }
        String groupTypeText = text(entry, "groupType");
        GroupType groupType = groupTypeText == null ? GroupType.of(GroupType.AD_DEFAULT) : GroupType.parse(groupTypeText);
        String[] members = entry.getAttributeValues("member");
        return new AdGroup(anchor(entry), entry.getDN(), text(entry, "cn"), text(entry, "sAMAccountName"),
                text(entry, "displayName"), text(entry, "description"), text(entry, "mail"),
                text(entry, "mailNickname"), groupType, sid(entry), text(entry, "managedBy"),
                members == null ? List.of() : new ArrayList<>(Arrays.asList(members)), extensionAttributes(entry));
    }

    /** {@code extensionAttribute1} .. {@code extensionAttribute15}; one longer than AD allows rejects the entry. */
    private static OnPremisesExtensionAttributes extensionAttributes(Entry entry) {
        return OnPremisesExtensionAttributes.of(IntStream.rangeClosed(1, OnPremisesExtensionAttributes.COUNT)
                .mapToObj(number -> text(entry, OnPremisesExtensionAttributes.name(number))).toList());
    }

    /** The entry's anchor, or null when it has no valid objectGUID. */
    static String anchorOrNull(Entry entry) {
        try {
            return anchor(entry);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String anchor(Entry entry) {
        Attribute guid = entry.getAttribute("objectGUID");
        if (guid == null || guid.getValueByteArray() == null) {
            throw new IllegalArgumentException("objectGUID is missing");
        }
        return AdGuids.toCanonical(guid.getValueByteArray());
    }

    private static String sid(Entry entry) {
        Attribute sid = entry.getAttribute("objectSid");
        return sid == null || sid.getValueByteArray() == null ? null : AdSids.toText(sid.getValueByteArray());
    }

    private static String text(Entry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
