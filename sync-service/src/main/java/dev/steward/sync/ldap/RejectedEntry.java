package dev.steward.sync.ldap;

/**
 * An entry in scope that cannot be synced, and why. It counts as failed in the cycle.
 *
 * @param anchor its objectGUID when that could be read; null otherwise
 */
public record RejectedEntry(String distinguishedName, String reason, String anchor) {

    public RejectedEntry(String distinguishedName, String reason) {
        this(distinguishedName, reason, null);
    }
}
