package dev.steward.directory.user.api;

/** A synced user's directory data changed in AD; {@code user} is the state after the change. */
public record UserUpdated(UserState user) {
}
