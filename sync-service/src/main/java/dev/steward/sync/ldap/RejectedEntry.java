package dev.steward.sync.ldap;

/** An entry in scope that cannot be synced, and why. It counts as failed in the cycle. */
public record RejectedEntry(String distinguishedName, String reason) {
}
