package dev.steward.audit.directoryaudit.projection;

import static dev.steward.audit.directoryaudit.projection.Activities.CORE_DIRECTORY;
import static dev.steward.audit.directoryaudit.projection.Activities.GROUP_MANAGEMENT;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.ModifiedProperty;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Audit entries of a group's members and owners (service "Core Directory"). As in Graph, one entry per member or
 * owner: an event for 1,000 members is 1,000 entries. Each entry's targets are the member (or owner) first, with the
 * group as {@code Group.ObjectID} / {@code Group.DisplayName} modified properties, then the group.
 */
final class MembershipEventAudits {

    static final String GROUP_OBJECT_ID = "Group.ObjectID";
    static final String GROUP_DISPLAY_NAME = "Group.DisplayName";

    private MembershipEventAudits() {
    }

    /** "Add member to group", one per member. */
    static List<DirectoryAudit> membersAdded(MembersAdded event, GroupLookup groups) {
        return perObject(event.metadata(), Activities.ADD_MEMBER_TO_GROUP, Activities.ASSIGN, event.groupId(),
                event.members(), event.bySync(), true, groups);
    }

    /** "Remove member from group", one per member. */
    static List<DirectoryAudit> membersRemoved(MembersRemoved event, GroupLookup groups) {
        return perObject(event.metadata(), Activities.REMOVE_MEMBER_FROM_GROUP, Activities.UNASSIGN, event.groupId(),
                event.members(), event.bySync(), false, groups);
    }

    /** "Add owner to group", one per owner (owners are users). */
    static List<DirectoryAudit> ownersAdded(OwnersAdded event, GroupLookup groups) {
        return perObject(event.metadata(), Activities.ADD_OWNER_TO_GROUP, Activities.ASSIGN, event.groupId(),
                users(event.ownerIds()), event.bySync(), true, groups);
    }

    /** "Remove owner from group", one per owner. */
    static List<DirectoryAudit> ownersRemoved(OwnersRemoved event, GroupLookup groups) {
        return perObject(event.metadata(), Activities.REMOVE_OWNER_FROM_GROUP, Activities.UNASSIGN, event.groupId(),
                users(event.ownerIds()), event.bySync(), false, groups);
    }

    /**
     * The id of the entry for {@code objectId} in the event: a name-based UUID of both, the same whenever the event
     * is delivered again.
     */
    static String entryId(EventMetadata metadata, String objectId) {
        return UUID.nameUUIDFromBytes((metadata.eventId() + "/" + objectId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static List<DirectoryAudit> perObject(EventMetadata metadata, String activity, String operationType,
                                                  String groupId, List<DirectoryObjectRef> objects, boolean bySync,
                                                  boolean added, GroupLookup groups) {
        AuditedGroup group = groups.find(groupId).orElse(new AuditedGroup(groupId, null, null));
        List<ModifiedProperty> groupProperties = groupProperties(group, added);
        TargetResource groupTarget = new TargetResource(group.id(), group.displayName(), TargetResource.GROUP, null,
                group.groupType(), List.of());
        List<DirectoryAudit> entries = new ArrayList<>(objects.size());
        for (DirectoryObjectRef object : objects.stream().distinct().toList()) {
            entries.add(AuditEntry.of(metadata, GROUP_MANAGEMENT, CORE_DIRECTORY, activity, operationType)
                    .id(entryId(metadata, object.id()))
                    .target(new TargetResource(object.id(), null, targetType(object), null, null, groupProperties))
                    .target(groupTarget)
                    .detail("bySync", bySync)
                    .build());
        }
        return entries;
    }

    /** The group as Graph shows it on the member: new values when added, old values when removed. */
    private static List<ModifiedProperty> groupProperties(AuditedGroup group, boolean added) {
        List<ModifiedProperty> properties = new ArrayList<>();
        properties.add(change(GROUP_OBJECT_ID, AuditJson.text(group.id()), added));
        if (group.displayName() != null) {
            properties.add(change(GROUP_DISPLAY_NAME, AuditJson.text(group.displayName()), added));
        }
        return properties;
    }

    private static ModifiedProperty change(String name, String value, boolean added) {
        return added ? new ModifiedProperty(name, null, value) : new ModifiedProperty(name, value, null);
    }

    private static String targetType(DirectoryObjectRef object) {
        return DirectoryObjectRef.GROUP.equals(object.type()) ? TargetResource.GROUP : TargetResource.USER;
    }

    private static List<DirectoryObjectRef> users(List<String> ids) {
        return ids.stream().map(DirectoryObjectRef::user).toList();
    }
}
