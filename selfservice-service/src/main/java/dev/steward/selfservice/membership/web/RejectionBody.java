package dev.steward.selfservice.membership.web;

/** Body of {@code POST /mygroups/requests/{id}/reject}: why. */
public record RejectionBody(String reason) {
}
