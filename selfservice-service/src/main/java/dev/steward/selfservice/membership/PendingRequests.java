package dev.steward.selfservice.membership;

/** Answers whether a user already has a pending request to join a group. */
@FunctionalInterface
public interface PendingRequests {

    boolean exists(String groupId, String requesterId);
}
