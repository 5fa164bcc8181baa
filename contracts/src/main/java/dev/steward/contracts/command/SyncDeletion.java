package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Sent by the sync engine for an AD user or group that was deleted in AD (its tombstone) or left the sync scope:
 * delete its cloud copy. {@code objectId} must be {@link DirectoryIds#fromAnchor(String)} of the anchor;
 * {@code objectType} is {@value #USER} or {@value #GROUP}. The directory refuses it for an object that is not synced
 * from that anchor, and for a group whose Source of Authority is in the cloud (no longer AD's to delete).
 */
public record SyncDeletion(
        CommandMetadata metadata,
        String objectId,
        String anchor,
        String objectType,
        Instant syncedAt) implements ContractCommand {

    public static final String USER = "user";
    public static final String GROUP = "group";

    public SyncDeletion {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(anchor, "anchor is required");
        if (objectId == null || !objectId.equals(DirectoryIds.fromAnchor(anchor))) {
            throw new IllegalArgumentException("objectId must be the id derived from the anchor");
        }
        if (!Set.of(USER, GROUP).contains(objectType)) {
            throw new IllegalArgumentException("objectType must be \"user\" or \"group\"");
        }
        Objects.requireNonNull(syncedAt, "syncedAt is required");
    }

    @Override
    public String key() {
        return objectId;
    }
}
