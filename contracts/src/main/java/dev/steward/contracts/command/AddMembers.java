package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import java.util.List;
import java.util.Objects;

/**
 * Add users or groups as direct members of a cloud-managed group, all or nothing.
 * The same rules and errors as {@code POST /groups/{id}/members/$ref}. At most {@link References#MAX_PER_MESSAGE} ids; duplicates in the list
 * are dropped.
 */
public record AddMembers(CommandMetadata metadata, String groupId, List<String> memberIds) implements ContractCommand {

    public AddMembers {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
        memberIds = References.bounded("memberIds", memberIds);
        if (memberIds.isEmpty()) {
            throw new IllegalArgumentException("memberIds must name at least one object");
        }
    }

    @Override
    public String key() {
        return groupId;
    }
}
