package dev.steward.directory.user.api;

/**
 * A cloud user was deleted. The groups it was a member or owner of each record its leaving in their own events
 * ({@code MembersRemoved}, {@code OwnersRemoved}), written in the same transaction.
 */
public record UserDeleted(String userId, String userPrincipalName, String displayName, String onPremisesAnchor) {
}
