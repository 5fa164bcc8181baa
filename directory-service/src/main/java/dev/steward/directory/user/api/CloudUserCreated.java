package dev.steward.directory.user.api;

/**
 * A user was created in the cloud. {@code user} holds no on-premises values; {@code mailNickname} and
 * {@code accountEnabled} are what a cloud user has beyond a synced one. No password: it is never stored.
 */
public record CloudUserCreated(UserState user, String mailNickname, boolean accountEnabled) {
}
