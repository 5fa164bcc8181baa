package dev.steward.directory.group.api;

/** A group appeared: synced from AD ({@code bySync}) or created in the cloud. */
public record GroupCreated(GroupState group, boolean bySync) {
}
