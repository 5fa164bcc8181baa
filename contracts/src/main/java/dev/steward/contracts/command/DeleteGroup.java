package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import java.util.Objects;

/** Delete a cloud group, as {@code DELETE /groups/{id}} does. */
public record DeleteGroup(CommandMetadata metadata, String groupId) implements ContractCommand {

    public DeleteGroup {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
    }

    @Override
    public String key() {
        return groupId;
    }
}
