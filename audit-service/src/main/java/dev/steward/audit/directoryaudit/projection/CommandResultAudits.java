package dev.steward.audit.directoryaudit.projection;

import static dev.steward.audit.directoryaudit.projection.Activities.CORE_DIRECTORY;
import static dev.steward.audit.directoryaudit.projection.Activities.GROUP_MANAGEMENT;

import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.command.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Failure entries for the directory's refused commands ({@code CommandResult} {@code REJECTED} on
 * {@code steward.directory.command-results}): the activity the command asked for, {@code result} failure, the
 * refusal's message as {@code resultReason}. A result carries neither the caller nor the command's values, so the
 * entry has no initiator and no modified properties; the group is named when it is known. Succeeded results and the
 * sync engine's commands (whose refusals the sync engine reports itself) have no entry.
 */
final class CommandResultAudits {

    private record Activity(String displayName, String operationType) {
    }

    private static final Map<String, Activity> ACTIVITIES = Map.of(
            "directory.CreateGroup", new Activity(Activities.ADD_GROUP, Activities.ADD),
            "directory.UpdateGroup", new Activity(Activities.UPDATE_GROUP, Activities.UPDATE),
            "directory.DeleteGroup", new Activity(Activities.DELETE_GROUP, Activities.DELETE),
            "directory.AddMembers", new Activity(Activities.ADD_MEMBER_TO_GROUP, Activities.ASSIGN),
            "directory.RemoveMembers", new Activity(Activities.REMOVE_MEMBER_FROM_GROUP, Activities.UNASSIGN),
            "directory.AddOwners", new Activity(Activities.ADD_OWNER_TO_GROUP, Activities.ASSIGN),
            "directory.RemoveOwners", new Activity(Activities.REMOVE_OWNER_FROM_GROUP, Activities.UNASSIGN),
            "directory.ChangeSourceOfAuthority", new Activity(Activities.CHANGE_SOURCE_OF_AUTHORITY, Activities.UPDATE));

    private CommandResultAudits() {
    }

    /** The failure entry of a refused command; empty for a success or a command type without an activity. */
    static Optional<DirectoryAudit> rejected(CommandResult result, GroupLookup groups) {
        Activity activity = result.commandType() == null ? null : ACTIVITIES.get(result.commandType());
        if (result.status() != CommandResult.Status.REJECTED || activity == null) {
            return Optional.empty();
        }
        String groupId = result.aggregateId();
        EventMetadata metadata = new EventMetadata(result.commandId(), result.completedAt(),
                groupId == null ? result.commandId().toString() : groupId, result.correlationId(), null,
                EventMetadata.CURRENT_SCHEMA_VERSION);
        AuditEntry entry = AuditEntry.of(metadata, GROUP_MANAGEMENT, CORE_DIRECTORY, activity.displayName(),
                        activity.operationType())
                .id(entryId(result))
                .result(DirectoryAudit.FAILURE, result.message() == null ? result.errorCode() : result.message())
                .detail("errorCode", result.errorCode())
                .detail("commandType", result.commandType())
                .detail("commandId", result.commandId());
        if (groupId != null) {
            AuditedGroup group = groups.find(groupId).orElse(new AuditedGroup(groupId, null, null));
            entry.target(new TargetResource(group.id(), group.displayName(), TargetResource.GROUP, null,
                    group.groupType(), List.of()));
        }
        return Optional.of(entry.build());
    }

    /** A name-based UUID of the command id: the same on every delivery, never an event's id. */
    static String entryId(CommandResult result) {
        return UUID.nameUUIDFromBytes(("rejected/" + result.commandId()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
