package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import java.util.Objects;

/** An owner of the group (or a group administrator) approves a pending membership request. */
public record ApproveMembershipRequest(
        CommandMetadata metadata,
        String requestId) implements ContractCommand {

    public ApproveMembershipRequest {
        Objects.requireNonNull(metadata, "metadata");
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId is required");
        }
    }

    @Override
    public String key() {
        return requestId;
    }
}
