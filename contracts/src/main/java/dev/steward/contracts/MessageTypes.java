package dev.steward.contracts;

import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.command.AddOwners;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.CreateGroup;
import dev.steward.contracts.command.DeleteGroup;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.contracts.command.RemoveOwners;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.contracts.command.SyncGroup;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.command.SyncUser;
import dev.steward.contracts.command.UpdateGroup;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserSynced;
import dev.steward.contracts.event.UserLicensesChanged;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.TenantSettingsChanged;
import dev.steward.contracts.event.NotificationIssued;
import dev.steward.contracts.command.ApproveMembershipRequest;
import dev.steward.contracts.command.RejectMembershipRequest;
import dev.steward.contracts.command.CancelMembershipRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logical type names that go into {@link CloudEventHeaders#TYPE}. A name, once released, never changes and
 * never names a Java class: classes may move, the wire stays.
 */
public final class MessageTypes {

    private static final Map<String, Class<? extends ContractMessage>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("directory.ChangeSourceOfAuthority", ChangeSourceOfAuthority.class);
        register("directory.SyncGroup", SyncGroup.class);
        register("directory.SyncUser", SyncUser.class);
        register("directory.SyncGroupMembership", SyncGroupMembership.class);
        register("directory.SyncDeletion", SyncDeletion.class);
        register("directory.CreateGroup", CreateGroup.class);
        register("directory.UpdateGroup", UpdateGroup.class);
        register("directory.DeleteGroup", DeleteGroup.class);
        register("directory.AddMembers", AddMembers.class);
        register("directory.RemoveMembers", RemoveMembers.class);
        register("directory.AddOwners", AddOwners.class);
        register("directory.RemoveOwners", RemoveOwners.class);
        register("directory.GroupCreated", GroupCreated.class);
        register("directory.GroupUpdated", GroupUpdated.class);
        register("directory.SourceOfAuthorityChanged", SourceOfAuthorityChanged.class);
        register("directory.UserSynced", UserSynced.class);
        register("directory.UserDeleted", UserDeleted.class);
        register("directory.AssignLicense", AssignLicense.class);
        register("directory.UserLicensesChanged", UserLicensesChanged.class);
        register("directory.GroupDeleted", GroupDeleted.class);
        register("directory.MembersAdded", MembersAdded.class);
        register("directory.MembersRemoved", MembersRemoved.class);
        register("directory.OwnersAdded", OwnersAdded.class);
        register("directory.OwnersRemoved", OwnersRemoved.class);
        register("selfservice.RequestMembership", RequestMembership.class);
        register("selfservice.MembershipRequested", MembershipRequested.class);
        register("selfservice.ApproveMembershipRequest", ApproveMembershipRequest.class);
        register("selfservice.RejectMembershipRequest", RejectMembershipRequest.class);
        register("selfservice.CancelMembershipRequest", CancelMembershipRequest.class);
        register("selfservice.MembershipRequestRouted", MembershipRequestRouted.class);
        register("selfservice.MembershipRequestApproved", MembershipRequestApproved.class);
        register("selfservice.MembershipRequestRejected", MembershipRequestRejected.class);
        register("selfservice.MembershipRequestCancelled", MembershipRequestCancelled.class);
        register("selfservice.MembershipRequestExpired", MembershipRequestExpired.class);
        register("selfservice.MembershipRequestReminded", MembershipRequestReminded.class);
        register("selfservice.MembershipRequestCompleted", MembershipRequestCompleted.class);
        register("selfservice.MembershipRequestAddRefused", MembershipRequestAddRefused.class);
        register("selfservice.GroupJoinPolicyChanged", GroupJoinPolicyChanged.class);
        register("selfservice.TenantSettingsChanged", TenantSettingsChanged.class);
        register("selfservice.NotificationIssued", NotificationIssued.class);
        register("selfservice.MembershipRequestFirstStageApproved", MembershipRequestFirstStageApproved.class);
        register("selfservice.MembershipRequestClosed", MembershipRequestClosed.class);
        register("selfservice.GroupSecondStageApproverChanged", GroupSecondStageApproverChanged.class);
        register("sync.SyncChangeSkipped", SyncChangeSkipped.class);
        register("sync.SyncCycleCompleted", SyncCycleCompleted.class);
        register("sync.GroupWrittenBack", GroupWrittenBack.class);
        register("sync.WriteBackDriftDetected", WriteBackDriftDetected.class);
        register("sync.WriteBackDriftResolved", WriteBackDriftResolved.class);
        register("steward.CommandResult", CommandResult.class);
    }

    private MessageTypes() {
    }

    private static void register(String name, Class<? extends ContractMessage> type) {
        BY_NAME.put(name, type);
        BY_CLASS.put(type, name);
    }

    public static Optional<Class<? extends ContractMessage>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(Class<?> type) {
        String name = BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type + " is not a contract message");
        }
        return name;
    }

    public static Map<String, Class<? extends ContractMessage>> all() {
        return Map.copyOf(BY_NAME);
    }
}
