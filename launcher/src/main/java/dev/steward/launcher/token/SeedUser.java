package dev.steward.launcher.token;

import dev.steward.contracts.DirectoryIds;
import java.util.UUID;

/**
 * A user of the directory as a token names it: the cloud id is derived from the AD anchor exactly as the sync engine
 * derives it, so a token's {@code oid} is the synced user's id.
 */
public record SeedUser(String userPrincipalName, String displayName, UUID objectGuid) {

    public String cloudId() {
        return DirectoryIds.fromAnchor(objectGuid.toString());
    }
}
