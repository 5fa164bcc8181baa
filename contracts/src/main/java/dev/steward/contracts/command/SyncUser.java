package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import java.time.Instant;
import java.util.Objects;

/**
 * Sent by the sync engine for each AD user in scope: create or update the user's cloud copy.
 * {@code userId} must be {@link DirectoryIds#fromAnchor(String)} of the anchor.
 */
public record SyncUser(
        CommandMetadata metadata,
        String userId,
        String anchor,
        String userPrincipalName,
        String displayName,
        String mail,
        String onPremisesSecurityIdentifier,
        String onPremisesSamAccountName,
        String onPremisesDistinguishedName,
        Instant syncedAt) implements ContractCommand {

    public SyncUser {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(anchor, "anchor is required");
        if (userId == null || !userId.equals(DirectoryIds.fromAnchor(anchor))) {
            throw new IllegalArgumentException("userId must be the id derived from the anchor");
        }
        if (userPrincipalName == null || userPrincipalName.isBlank()) {
            throw new IllegalArgumentException("userPrincipalName is required");
        }
        Objects.requireNonNull(syncedAt, "syncedAt is required");
    }

    @Override
    public String key() {
        return userId;
    }
}
