package dev.steward.selfservice.directory;

/** A user as self-service knows it from {@code UserSynced} events. */
public record KnownUser(String id, String userPrincipalName, String displayName) {
}
