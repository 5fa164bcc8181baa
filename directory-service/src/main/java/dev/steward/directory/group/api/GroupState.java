package dev.steward.directory.group.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A group's properties as the directory holds them, in Graph's property names. Group events carry the whole state
 * after the change, so the projection and the Kafka publisher never need a lookup. Members and owners are not
 * here: they grow with the data and travel in their own bounded events.
 *
 * @param onPremisesSyncEnabled true while AD masters the group; null for cloud groups and after an SOA switch
 * @param isCloudManaged        {@code onPremisesSyncBehavior.isCloudManaged}
 * @param onPremisesAnchor      the AD objectGUID of a group synced from AD; null for a group created in the cloud
 * @param onPremisesExtensionAttributes AD's extensionAttribute1..15 while AD masters the group; none set for cloud
 *                              groups and once the SOA moved to the cloud (never null; null in a stored event, which
 *                              predates them, reads as none)
 */
public record GroupState(
        String id,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String visibility,
        Instant createdDateTime,
        Boolean onPremisesSyncEnabled,
        boolean isCloudManaged,
        String onPremisesAnchor,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDomainName,
        String onPremisesNetBiosName,
        String onPremisesDistinguishedName,
        Instant onPremisesLastSyncDateTime,
        String securityIdentifier,
        ExtensionAttributes onPremisesExtensionAttributes) {

    /**
     * The properties compared to tell what a command changed, in the order they are reported.
     * {@code onPremisesLastSyncDateTime} is left out: a sync that brings nothing new is not a change.
     */
    private static final Map<String, Function<GroupState, Object>> COMPARED = compared();

    public GroupState {
        Objects.requireNonNull(id, "id");
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        onPremisesExtensionAttributes = ExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    /** True while AD is the Source of Authority: the cloud copy is read-only. */
    public boolean masteredOnPremises() {
        return Boolean.TRUE.equals(onPremisesSyncEnabled);
    }

    /** True for a group that came from AD (whatever its Source of Authority is now). */
    public boolean syncedFromOnPremises() {
        return onPremisesAnchor != null;
    }

    /** Mail-enabled security groups and distribution lists: read-only in the cloud API whatever the SOA. */
    public boolean managedByMailSystem() {
        return mailEnabled && !groupTypes.contains("Unified");
    }

    /** The properties that differ from {@code next}, with their values as JSON text. */
    public List<PropertyChange> changesTo(GroupState next) {
        List<PropertyChange> changes = new ArrayList<>();
        COMPARED.forEach((name, property) -> {
            Object before = property.apply(this);
            Object after = property.apply(next);
            if (!Objects.equals(before, after)) {
                changes.add(new PropertyChange(name, JsonText.of(before), JsonText.of(after)));
            }
        });
        return changes;
    }

    /** True for a group whose members are computed from a rule. */
    public boolean hasDynamicMembership() {
        return groupTypes.contains("DynamicMembership");
    }

    public GroupState withCloudEdits(String displayName, String description, String mailNickname,
                                     String visibility) {
        return new GroupState(id, displayName, description, mailNickname, mail, mailEnabled, securityEnabled,
                groupTypes, visibility, createdDateTime, onPremisesSyncEnabled, isCloudManaged, onPremisesAnchor,
                onPremisesSecurityIdentifier, onPremisesSamAccountName, onPremisesDomainName, onPremisesNetBiosName,
                onPremisesDistinguishedName, onPremisesLastSyncDateTime, securityIdentifier,
                onPremisesExtensionAttributes);
    }

    /**
     * The state after an SOA switch. Moving to the cloud removes the extension attributes (cloud groups do not
     * support them); a rollback keeps what the group has (none), until a sync brings AD's back.
     */
    public GroupState withSourceOfAuthority(boolean cloudManaged, Boolean syncEnabled) {
        return new GroupState(id, displayName, description, mailNickname, mail, mailEnabled, securityEnabled,
                groupTypes, visibility, createdDateTime, syncEnabled, cloudManaged, onPremisesAnchor,
                onPremisesSecurityIdentifier, onPremisesSamAccountName, onPremisesDomainName, onPremisesNetBiosName,
                onPremisesDistinguishedName, onPremisesLastSyncDateTime, securityIdentifier,
                cloudManaged ? ExtensionAttributes.NONE : onPremisesExtensionAttributes);
    }

    private static Map<String, Function<GroupState, Object>> compared() {
        Map<String, Function<GroupState, Object>> properties = new LinkedHashMap<>();
        properties.put("displayName", GroupState::displayName);
        properties.put("description", GroupState::description);
        properties.put("mailNickname", GroupState::mailNickname);
        properties.put("mail", GroupState::mail);
        properties.put("mailEnabled", GroupState::mailEnabled);
        properties.put("securityEnabled", GroupState::securityEnabled);
        properties.put("groupTypes", GroupState::groupTypes);
        properties.put("visibility", GroupState::visibility);
        properties.put("onPremisesSyncEnabled", GroupState::onPremisesSyncEnabled);
        properties.put("isCloudManaged", GroupState::isCloudManaged);
        properties.put("onPremisesSecurityIdentifier", GroupState::onPremisesSecurityIdentifier);
        properties.put("onPremisesSamAccountName", GroupState::onPremisesSamAccountName);
        properties.put("onPremisesDomainName", GroupState::onPremisesDomainName);
        properties.put("onPremisesNetBiosName", GroupState::onPremisesNetBiosName);
        properties.put("onPremisesDistinguishedName", GroupState::onPremisesDistinguishedName);
        properties.put("onPremisesExtensionAttributes", state -> state.onPremisesExtensionAttributes().asMap());
        return properties;
    }
}
