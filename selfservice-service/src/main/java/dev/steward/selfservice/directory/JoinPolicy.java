package dev.steward.selfservice.directory;

import dev.steward.contracts.event.GroupSnapshot;
import java.util.Optional;

/**
 * How users join a group in My Groups (DOMAIN.md §4): {@code Open} (anyone joins at once), {@code OwnerApproval} (a
 * request waits for an owner), {@code Closed} (only owners add members; the group is visible but not joinable).
 */
public enum JoinPolicy {
    OPEN("Open"),
    OWNER_APPROVAL("OwnerApproval"),
    CLOSED("Closed");

    private final String wireName;

    JoinPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<JoinPolicy> fromWireName(String name) {
        for (JoinPolicy policy : values()) {
            if (policy.wireName.equals(name)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /**
     * The policy a group gets when the directory announces it. Groups reach the directory through its API (an
     * administrator, a script, the sync engine), never through My Groups, so Entra's defaults for the admin API apply:
     * a Microsoft 365 group is open, a security group closed (only owners add members) until an owner opens it.
     */
    public static JoinPolicy defaultFor(GroupSnapshot group) {
        return group.groupTypes().contains("Unified") ? OPEN : CLOSED;
    }
}
