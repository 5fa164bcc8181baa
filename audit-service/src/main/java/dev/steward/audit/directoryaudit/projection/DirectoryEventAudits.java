package dev.steward.audit.directoryaudit.projection;

import static dev.steward.audit.directoryaudit.projection.Activities.ADD;
import static dev.steward.audit.directoryaudit.projection.Activities.CORE_DIRECTORY;
import static dev.steward.audit.directoryaudit.projection.Activities.GROUP_MANAGEMENT;
import static dev.steward.audit.directoryaudit.projection.Activities.UPDATE;
import static dev.steward.audit.directoryaudit.projection.Activities.USER_MANAGEMENT;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.ModifiedProperty;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupKind;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.UserSynced;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Audit entries of the directory's events (service "Core Directory"). */
final class DirectoryEventAudits {

    /** Entra's extra modified property naming what an update touched. */
    static final String INCLUDED_UPDATED_PROPERTIES = "Included Updated Properties";

    private DirectoryEventAudits() {
    }

    /** "Add group": the group with its initial values as modified properties (no old values). */
    static DirectoryAudit groupCreated(GroupCreated event) {
        GroupSnapshot group = event.group();
        return AuditEntry.of(event.metadata(), GROUP_MANAGEMENT, CORE_DIRECTORY, Activities.ADD_GROUP, ADD)
                .target(groupTarget(group, initialValues(group)))
                .detail("groupKind", kindName(group.kind()))
                .detail("synchronizedFromOnPremises", group.onPremisesAnchor() != null)
                .build();
    }

    /** "Update group": the changes the event carries, and whether the sync engine made them. */
    static DirectoryAudit groupUpdated(GroupUpdated event) {
        List<ModifiedProperty> changes = new ArrayList<>();
        event.modifiedProperties().forEach(p -> changes.add(new ModifiedProperty(p.displayName(), p.oldValue(),
                p.newValue())));
        if (!changes.isEmpty()) {
            String names = event.modifiedProperties().stream().map(p -> p.displayName())
                    .collect(Collectors.joining(", "));
            changes.add(new ModifiedProperty(INCLUDED_UPDATED_PROPERTIES, null, AuditJson.text(names)));
        }
        return AuditEntry.of(event.metadata(), GROUP_MANAGEMENT, CORE_DIRECTORY, Activities.UPDATE_GROUP, UPDATE)
                .target(groupTarget(event.group(), changes))
                .detail("bySync", event.bySync())
                .build();
    }

    /**
     * "Delete group": the group, named by the event or else by the last snapshot seen. Its memberships and
     * ownerships went with it; Graph logs no member or owner removals for them, and neither does this.
     */
    static DirectoryAudit groupDeleted(GroupDeleted event, GroupLookup groups) {
        var known = groups.find(event.groupId());
        String displayName = event.displayName() != null ? event.displayName()
                : known.map(AuditedGroup::displayName).orElse(null);
        return AuditEntry.of(event.metadata(), GROUP_MANAGEMENT, CORE_DIRECTORY, Activities.DELETE_GROUP,
                        Activities.DELETE)
                .target(new TargetResource(event.groupId(), displayName, TargetResource.GROUP, null,
                        known.map(AuditedGroup::groupType).orElse(null), List.of()))
                .detail("onPremisesAnchor", event.onPremisesAnchor())
                .build();
    }

    /**
     * "Change Source of Authority from AD to cloud", or "Undo changes to ..." for a rollback. The extension
     * attributes the switch to the cloud removed are a modified property (old: AD's values, new: none set).
     */
    static DirectoryAudit sourceOfAuthorityChanged(SourceOfAuthorityChanged event) {
        String activity = event.isCloudManaged()
                ? Activities.CHANGE_SOURCE_OF_AUTHORITY : Activities.UNDO_SOURCE_OF_AUTHORITY;
        List<ModifiedProperty> changes = new ArrayList<>();
        changes.add(new ModifiedProperty("isCloudManaged", AuditJson.text(!event.isCloudManaged()),
                AuditJson.text(event.isCloudManaged())));
        OnPremisesExtensionAttributes removed = event.removedOnPremisesExtensionAttributes();
        if (removed != null && removed.anySet()) {
            changes.add(new ModifiedProperty("onPremisesExtensionAttributes", AuditJson.text(removed),
                    AuditJson.text(OnPremisesExtensionAttributes.NONE)));
        }
        return AuditEntry.of(event.metadata(), GROUP_MANAGEMENT, CORE_DIRECTORY, activity, UPDATE)
                .target(new TargetResource(event.groupId(), event.displayName(), TargetResource.GROUP, null, null,
                        changes))
                .detail("onPremisesAnchor", event.onPremisesAnchor())
                .detail("onPremisesSyncEnabled", event.onPremisesSyncEnabled())
                .build();
    }

    /**
     * "Add user" or "Update user". The event carries the user's state after the sync, not before: the modified
     * properties hold the synced values with no old value.
     */
    static DirectoryAudit userSynced(UserSynced event) {
        String activity = event.created() ? Activities.ADD_USER : Activities.UPDATE_USER;
        List<ModifiedProperty> values = new ArrayList<>();
        addInitial(values, "displayName", event.displayName());
        addInitial(values, "userPrincipalName", event.userPrincipalName());
        addInitial(values, "mail", event.mail());
        addInitial(values, "onPremisesSecurityIdentifier", event.onPremisesSecurityIdentifier());
        addInitial(values, "onPremisesSamAccountName", event.onPremisesSamAccountName());
        addInitial(values, "onPremisesDistinguishedName", event.onPremisesDistinguishedName());
        return AuditEntry.of(event.metadata(), USER_MANAGEMENT, CORE_DIRECTORY, activity,
                        event.created() ? ADD : UPDATE)
                .target(new TargetResource(event.userId(), event.displayName(), TargetResource.USER,
                        event.userPrincipalName(), null, values))
                .detail("onPremisesAnchor", event.onPremisesAnchor())
                .detail("bySync", event.onPremisesAnchor() != null)
                .build();
    }

    /** "Delete user": a cloud user. The groups it left log their own member and owner removals. */
    static DirectoryAudit userDeleted(UserDeleted event) {
        return AuditEntry.of(event.metadata(), USER_MANAGEMENT, CORE_DIRECTORY, Activities.DELETE_USER,
                        Activities.DELETE)
                .target(new TargetResource(event.userId(), event.displayName(), TargetResource.USER,
                        event.userPrincipalName(), null, List.of()))
                .detail("onPremisesAnchor", event.onPremisesAnchor())
                .build();
    }

    /** "Change user license": the user, with the SKU ids held after the change; added and removed ones as details. */
    static DirectoryAudit userLicensesChanged(UserLicensesChanged event) {
        List<String> held = event.assignedLicenses().stream().map(AssignedLicense::skuId).toList();
        return AuditEntry.of(event.metadata(), USER_MANAGEMENT, CORE_DIRECTORY, Activities.CHANGE_USER_LICENSE, UPDATE)
                .target(new TargetResource(event.userId(), null, TargetResource.USER, event.userPrincipalName(), null,
                        List.of(new ModifiedProperty("AssignedLicense", "", AuditJson.text(held)))))
                .detail("addedSkuIds", String.join(",", event.addedSkuIds()))
                .detail("removedSkuIds", String.join(",", event.removedSkuIds()))
                .build();
    }

    static TargetResource groupTarget(GroupSnapshot group, List<ModifiedProperty> modifiedProperties) {
        return new TargetResource(group.id(), group.displayName(), TargetResource.GROUP, null, groupType(group.kind()),
                modifiedProperties);
    }

    /** Graph's {@code targetResource.groupType}: {@code unifiedGroups} for Microsoft 365 groups, else {@code azureAD}. */
    static String groupType(GroupKind kind) {
        return kind == GroupKind.MICROSOFT_365 ? TargetResource.UNIFIED_GROUPS : TargetResource.AZURE_AD;
    }

    static String kindName(GroupKind kind) {
        return switch (kind) {
            case SECURITY -> "Security";
            case MICROSOFT_365 -> "Microsoft 365";
            case MAIL_ENABLED_SECURITY -> "Mail-enabled security";
            case DISTRIBUTION -> "Distribution";
        };
    }

    private static List<ModifiedProperty> initialValues(GroupSnapshot group) {
        List<ModifiedProperty> values = new ArrayList<>();
        addInitial(values, "displayName", group.displayName());
        addInitial(values, "description", group.description());
        addInitial(values, "mailNickname", group.mailNickname());
        addInitial(values, "mail", group.mail());
        addInitial(values, "mailEnabled", group.mailEnabled());
        addInitial(values, "securityEnabled", group.securityEnabled());
        addInitial(values, "groupTypes", group.groupTypes());
        addInitial(values, "onPremisesSyncEnabled", group.onPremisesSyncEnabled());
        addInitial(values, "onPremisesSecurityIdentifier", group.onPremisesSecurityIdentifier());
        addInitial(values, "onPremisesSamAccountName", group.onPremisesSamAccountName());
        addInitial(values, "onPremisesDomainName", group.onPremisesDomainName());
        addInitial(values, "onPremisesNetBiosName", group.onPremisesNetBiosName());
        return values;
    }

    private static void addInitial(List<ModifiedProperty> values, String name, Object value) {
        if (value != null) {
            values.add(new ModifiedProperty(name, null, AuditJson.text(value)));
        }
    }
}
