package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import java.util.Objects;

/**
 * Switch a group's Source of Authority: {@code isCloudManaged = true} moves it from AD to the cloud,
 * {@code false} rolls it back. The same rules as {@code PATCH /groups/{id}/onPremisesSyncBehavior} apply.
 */
public record ChangeSourceOfAuthority(CommandMetadata metadata, String groupId, Boolean isCloudManaged)
        implements ContractCommand {

    public ChangeSourceOfAuthority {
        Objects.requireNonNull(metadata, "metadata");
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId is required");
        }
        Objects.requireNonNull(isCloudManaged, "isCloudManaged is required");
    }

    @Override
    public String key() {
        return groupId;
    }
}
