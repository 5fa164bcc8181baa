package dev.steward.selfservice.directory;

import dev.steward.contracts.Initiator;

/**
 * The directory deleted a group; announced inside the read model's transaction, before the group is forgotten, so
 * that requests waiting for a decision are closed with it.
 */
public record GroupRemoved(String groupId, Initiator initiator, String correlationId) {
}
