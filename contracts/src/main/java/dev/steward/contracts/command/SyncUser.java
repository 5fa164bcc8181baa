package dev.steward.contracts.command;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * Sent by the sync engine for each AD user in scope: create or update the user's cloud copy.
 * {@code userId} must be {@link DirectoryIds#fromAnchor(String)} of the anchor.
 *
 * @param onPremisesExtensionAttributes AD's extensionAttribute1..15; absent (a sync engine that predates them) reads
 *                                      as none set
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
        OnPremisesExtensionAttributes onPremisesExtensionAttributes,
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
        onPremisesExtensionAttributes = OnPremisesExtensionAttributes.orNone(onPremisesExtensionAttributes);
    }

    /** A user without extension attributes. */
    public SyncUser(CommandMetadata metadata, String userId, String anchor, String userPrincipalName,
                    String displayName, String mail, String onPremisesSecurityIdentifier,
                    String onPremisesSamAccountName, String onPremisesDistinguishedName, Instant syncedAt) {
        this(metadata, userId, anchor, userPrincipalName, displayName, mail, onPremisesSecurityIdentifier,
                onPremisesSamAccountName, onPremisesDistinguishedName, null, syncedAt);
    }

    @Override
    public String key() {
        return userId;
    }
}
