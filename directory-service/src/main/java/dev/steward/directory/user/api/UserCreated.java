package dev.steward.directory.user.api;

/** A user synced from AD appeared in the directory. */
public record UserCreated(UserState user) {
}
