package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.References;
import java.util.List;
import java.util.Objects;

/**
 * Add users as owners of a cloud-managed group (at most {@link References#MAX_OWNERS} owners in all), all or nothing.
 * The same rules and errors as {@code POST /groups/{id}/owners/$ref}. At most {@link References#MAX_PER_MESSAGE} ids; duplicates in the list
 * are dropped.
 */
public record AddOwners(CommandMetadata metadata, String groupId, List<String> ownerIds) implements ContractCommand {

    public AddOwners {
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
