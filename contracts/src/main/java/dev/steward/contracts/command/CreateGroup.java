package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Create a cloud group, as {@code POST /groups} does: a security group or a Microsoft 365 group, with up to 20 owners
 * and 20 members bound at creation (all or nothing). The sender chooses the group's id (a GUID), so a resent command
 * is recognised and the result names the group.
 */
public record CreateGroup(
        CommandMetadata metadata,
        String groupId,
        String displayName,
        String description,
        String mailNickname,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String visibility,
        List<String> ownerIds,
        List<String> memberIds) implements ContractCommand {

    public CreateGroup {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
        try {
            UUID.fromString(groupId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("groupId must be a GUID");
        }
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        ownerIds = References.bounded("ownerIds", ownerIds);
        memberIds = References.bounded("memberIds", memberIds);
    }

    @Override
    public String key() {
        return groupId;
    }
}
