package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import java.util.Objects;

/** An owner of the group (or a group administrator) rejects a pending membership request; a reason is required. */
public record RejectMembershipRequest(
        CommandMetadata metadata,
        String requestId,
        String reason) implements ContractCommand {

    public RejectMembershipRequest {
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
