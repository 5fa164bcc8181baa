package dev.steward.selfservice.membership.web;

/**
 * Body of {@code POST /mygroups/requests}.
 *
 * @param requesterId optional: another user to request for (group administrators and applications only)
 */
public record NewMembershipRequest(String groupId, String justification, String requesterId) {
}
