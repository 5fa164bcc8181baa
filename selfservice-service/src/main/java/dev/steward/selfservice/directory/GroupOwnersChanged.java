package dev.steward.selfservice.directory;

import dev.steward.contracts.Initiator;

/**
 * Published inside the read model's transaction when the directory added or removed owners of a group, so that
 * pending requests are routed to the new owners in the same transaction.
 */
public record GroupOwnersChanged(String groupId, Initiator initiator, String correlationId) {
}
