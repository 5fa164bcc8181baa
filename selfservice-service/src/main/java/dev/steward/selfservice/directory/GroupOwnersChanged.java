package dev.steward.selfservice.directory;

import dev.steward.contracts.Initiator;

/** The directory added or removed owners of a group: who did it and under which correlation id (the last change). */
public record GroupOwnersChanged(String groupId, Initiator initiator, String correlationId) {
}
