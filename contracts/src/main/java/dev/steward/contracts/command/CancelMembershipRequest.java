package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import java.util.Objects;

/** The requester withdraws their pending membership request. */
public record CancelMembershipRequest(
        CommandMetadata metadata,
        String requestId) implements ContractCommand {

    public CancelMembershipRequest {
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
