package dev.steward.selfservice.mygroups;

import dev.steward.selfservice.directory.KnownGroup;
import java.util.List;

/**
 * A group as My Groups shows it to the signed-in user: how it is joined and where the user stands.
 *
 * @param secondStageApproverGroupId the group whose members approve after an owner did; null for one stage
 *
 * @param canRequestToJoin the user may ask to join now (open or owner-approval group, not a member yet, no open
 *                         request, and for owner approval at least one owner)
 */
public record GroupView(
        String id,
        String displayName,
        String kind,
        List<String> groupTypes,
        String joinPolicy,
        String secondStageApproverGroupId,
        boolean isOwner,
        boolean isMember,
        boolean canRequestToJoin) {

    static GroupView of(KnownGroup group, String secondStageApproverGroupId, String userId, boolean isMember,
                        boolean hasOpenRequest, boolean canJoin) {
        return new GroupView(group.id(), group.displayName(), group.kind().name(), group.groupTypes(),
                group.joinPolicy().wireName(), secondStageApproverGroupId, group.isOwner(userId), isMember,
                canJoin && !hasOpenRequest);
    }
}
