package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import java.util.Objects;

/**
 * A user asks to join a group. The request is routed to every owner of the group.
 *
 * @param requesterId the user who wants to join; null means the caller. Only administrators may request on
 *                    someone else's behalf.
 */
public record RequestMembership(CommandMetadata metadata, String groupId, String requesterId, String justification)
        implements ContractCommand {

    public RequestMembership {
        Objects.requireNonNull(metadata, "metadata");
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId is required");
        }
        if (justification != null && justification.length() > 1000) {
            throw new IllegalArgumentException("justification is longer than 1000 characters");
        }
    }

    @Override
    public String key() {
        return groupId;
    }
}
