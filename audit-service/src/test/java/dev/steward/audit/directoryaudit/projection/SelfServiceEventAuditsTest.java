package dev.steward.audit.directoryaudit.projection;

import static dev.steward.audit.TestEvents.ALICE_ID;
import static dev.steward.audit.TestEvents.AT;
import static dev.steward.audit.TestEvents.BOB_ID;
import static dev.steward.audit.TestEvents.GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.ModifiedProperty;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.TenantSettingsChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfServiceEventAuditsTest {

    private static final String REQUEST = "0d6f4b1e-1111-4222-8333-944455556666";
    private static final String BOB_UPN = "bob@corp.example.test";

    private final AuditEntryMapper mapper = new AuditEntryMapper();
    private final EventMetadata metadata = TestEvents.metadata(REQUEST);

    @Test
    void recordsApprovalWithTheDecidingOwner() {
        DirectoryAudit entry = entry(new MembershipRequestApproved(metadata, REQUEST, GROUP_ID, "Engineering", BOB_ID,
                BOB_UPN, ALICE_ID, false));

        assertSelfService(entry, "Approve a pending request to join a group");
        assertRequestTargets(entry);
        assertThat(entry.detail("decidedById")).isEqualTo(ALICE_ID);
        assertThat(entry.detail("automatic")).isEqualTo("false");
    }

    @Test
    void recordsRejectionWithItsReason() {
        DirectoryAudit entry = entry(new MembershipRequestRejected(metadata, REQUEST, GROUP_ID, "Engineering", BOB_ID,
                BOB_UPN, ALICE_ID, "Only the build team"));

        assertSelfService(entry, "Reject a pending request to join a group");
        assertRequestTargets(entry);
        assertThat(entry.detail("reason")).isEqualTo("Only the build team");
    }

    @Test
    void recordsCancellation() {
        DirectoryAudit entry = entry(new MembershipRequestCancelled(metadata, REQUEST, GROUP_ID, "Engineering", BOB_ID,
                BOB_UPN));

        assertSelfService(entry, "Cancel a pending request to join a group");
        assertRequestTargets(entry);
    }

    @Test
    void recordsARefusedAddAsAFailedCompletion() {
        DirectoryAudit completed = entry(new MembershipRequestCompleted(metadata, REQUEST, GROUP_ID, "Engineering",
                BOB_ID, BOB_UPN, "cmd-1"));
        DirectoryAudit refused = entry(new MembershipRequestAddRefused(TestEvents.metadata(REQUEST), REQUEST, GROUP_ID,
                "Engineering", BOB_ID, BOB_UPN, "cmd-2", "Request_BadRequest", "already a member"));

        assertSelfService(completed, "Complete a request to join a group");
        assertThat(completed.result()).isEqualTo(DirectoryAudit.SUCCESS);
        assertThat(refused.activityDisplayName()).isEqualTo("Complete a request to join a group");
        assertThat(refused.result()).isEqualTo(DirectoryAudit.FAILURE);
        assertThat(refused.resultReason()).isEqualTo("already a member");
        assertThat(refused.detail("errorCode")).isEqualTo("Request_BadRequest");
    }

    @Test
    void recordsRoutingRemindersAndExpiry() {
        assertSelfService(entry(new MembershipRequestRouted(metadata, REQUEST, GROUP_ID, "Engineering", BOB_ID,
                List.of(ALICE_ID), List.of(ALICE_ID), List.of())), "Route a pending request to join a group");
        assertSelfService(entry(new MembershipRequestReminded(TestEvents.metadata(REQUEST), REQUEST, GROUP_ID,
                "Engineering", BOB_ID, List.of(ALICE_ID), AT)), "Remind owners of a pending request to join a group");
        assertSelfService(entry(new MembershipRequestExpired(TestEvents.metadata(REQUEST), REQUEST, GROUP_ID,
                "Engineering", BOB_ID, BOB_UPN, List.of(ALICE_ID), AT)), "Expire a pending request to join a group");
    }

    @Test
    void recordsJoinPolicyAndSettingsChangesWithOldAndNewValues() {
        DirectoryAudit policy = entry(new GroupJoinPolicyChanged(TestEvents.metadata(GROUP_ID), GROUP_ID, "Engineering",
                "OwnerApproval", "Closed"));
        DirectoryAudit settings = entry(new TenantSettingsChanged(TestEvents.metadata(TenantSettingsChanged.AGGREGATE_ID),
                List.of(new dev.steward.contracts.event.ModifiedProperty("restrictSecurityGroups", "false", "true"))));

        assertSelfService(policy, "Update group join policy");
        assertThat(policy.targetResources().get(0).modifiedProperties())
                .containsExactly(new ModifiedProperty("joinPolicy", "\"Closed\"", "\"OwnerApproval\""));
        assertSelfService(settings, "Update My Groups settings");
        assertThat(settings.targetResources().get(0).modifiedProperties())
                .containsExactly(new ModifiedProperty("restrictSecurityGroups", "false", "true"));
    }

    @Test
    void recordsTheSecondApprovalStageAndRequestsClosedWithTheirGroup() {
        DirectoryAudit firstStage = entry(new MembershipRequestFirstStageApproved(metadata, REQUEST, GROUP_ID,
                "Engineering", BOB_ID, BOB_UPN, ALICE_ID, "approvers-group"));
        DirectoryAudit closed = entry(new MembershipRequestClosed(metadata, REQUEST, GROUP_ID, "Engineering", BOB_ID,
                BOB_UPN, "PendingSecondStage", MembershipRequestClosed.GROUP_DELETED));
        DirectoryAudit stage = entry(new GroupSecondStageApproverChanged(TestEvents.metadata(GROUP_ID), GROUP_ID,
                "Engineering", "approvers-group", null));

        assertSelfService(firstStage, "Approve the first stage of a pending request to join a group");
        assertRequestTargets(firstStage);
        assertThat(firstStage.detail("approverGroupId")).isEqualTo("approvers-group");
        assertSelfService(closed, "Close a pending request to join a group");
        assertThat(closed.detail("reason")).isEqualTo("GroupDeleted");
        assertSelfService(stage, "Update group join policy");
        assertThat(stage.targetResources().get(0).modifiedProperties())
                .containsExactly(new ModifiedProperty("secondStageApproverGroupId", null, "\"approvers-group\""));
    }

    @Test
    void recordsALicenceChangeAsCoreDirectoryUserManagement() {
        DirectoryAudit entry = entry(new UserLicensesChanged(TestEvents.metadata(BOB_ID), BOB_ID, BOB_UPN,
                List.of(new AssignedLicense("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", List.of())),
                List.of("078d2b04-f1bd-4111-bbd4-b4b1b354cef4"), List.of()));

        assertThat(entry.activityDisplayName()).isEqualTo("Change user license");
        assertThat(entry.loggedByService()).isEqualTo("Core Directory");
        assertThat(entry.category()).isEqualTo("UserManagement");
        assertThat(entry.targetResources().get(0).userPrincipalName()).isEqualTo(BOB_UPN);
        assertThat(entry.detail("addedSkuIds")).isEqualTo("078d2b04-f1bd-4111-bbd4-b4b1b354cef4");
    }

    private DirectoryAudit entry(ContractMessage event) {
        List<DirectoryAudit> entries = mapper.toEntries(event, GroupLookup.NONE);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static void assertSelfService(DirectoryAudit entry, String activity) {
        assertThat(entry.activityDisplayName()).isEqualTo(activity);
        assertThat(entry.loggedByService()).isEqualTo("Self-service Group Management");
        assertThat(entry.category()).isEqualTo("GroupManagement");
        assertThat(entry.operationType()).isEqualTo("Update");
    }

    private void assertRequestTargets(DirectoryAudit entry) {
        assertThat(entry.id()).isEqualTo(metadata.eventId().toString());
        assertThat(entry.targetResources()).extracting(TargetResource::id, TargetResource::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GROUP_ID, "Group"),
                        org.assertj.core.groups.Tuple.tuple(BOB_ID, "User"));
        assertThat(entry.targetResources().get(1).userPrincipalName()).isEqualTo(BOB_UPN);
        assertThat(entry.detail("requestId")).isEqualTo(REQUEST);
    }
}
