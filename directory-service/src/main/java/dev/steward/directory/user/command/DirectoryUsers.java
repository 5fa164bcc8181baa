package dev.steward.directory.user.command;

/** What a user command needs to know beyond its own user; injected into the user aggregate's command handlers. */
public interface DirectoryUsers {

    /** True if a user other than {@code exceptUserId} has this principal name (letter case ignored). */
    boolean principalNameTaken(String userPrincipalName, String exceptUserId);
}
