package dev.steward.directory.group.api;

/** A group was deleted, with its memberships and ownerships. */
public record GroupDeleted(String groupId, String displayName, String onPremisesAnchor) {
}
