package dev.steward.directory.user.api;

/** A cloud user's properties changed; the values are the user's after the change. */
public record CloudUserUpdated(UserState user, String mailNickname, boolean accountEnabled) {
}
