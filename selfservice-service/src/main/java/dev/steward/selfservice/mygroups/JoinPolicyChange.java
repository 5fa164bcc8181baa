package dev.steward.selfservice.mygroups;

/** Body of {@code PATCH /mygroups/groups/{id}}: {@code Open}, {@code OwnerApproval} or {@code Closed}. */
public record JoinPolicyChange(String joinPolicy) {
}
