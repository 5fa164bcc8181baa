package dev.steward.selfservice.mygroups;

/**
 * Body of {@code PATCH /mygroups/groups/{id}}: the group's whole join policy. {@code joinPolicy} is {@code Open},
 * {@code OwnerApproval} or {@code Closed}; {@code secondStageApproverGroupId} (owner approval only) names the group
 * whose members approve after an owner did; absent or null means one stage.
 */
public record JoinPolicyChange(String joinPolicy, String secondStageApproverGroupId) {
}
