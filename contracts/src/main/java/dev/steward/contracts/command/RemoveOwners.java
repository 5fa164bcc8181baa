package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import java.util.List;
import java.util.Objects;

/**
 * Remove owners from a cloud-managed group, all or nothing.
 * The same rules and errors as {@code DELETE /groups/{id}/owners/{ownerId}/$ref}. At most {@link References#MAX_PER_MESSAGE} ids; duplicates in the list
 * are dropped.
 */
public record RemoveOwners(CommandMetadata metadata, String groupId, List<String> ownerIds) implements ContractCommand {

    public RemoveOwners {
        Objects.requireNonNull(metadata, "metadata");
        References.requireGroupId(groupId);
        ownerIds = References.bounded("ownerIds", ownerIds);
        if (ownerIds.isEmpty()) {
            throw new IllegalArgumentException("ownerIds must name at least one object");
        }
    }

    @Override
    public String key() {
        return groupId;
    }
}
