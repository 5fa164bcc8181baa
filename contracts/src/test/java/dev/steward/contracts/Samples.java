package dev.steward.contracts;

import dev.steward.contracts.command.AddMembers;
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
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.GroupDeleted;
import dev.steward.contracts.event.GroupSnapshot;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.MembersRemoved;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.OwnersAdded;
import dev.steward.contracts.event.OwnersRemoved;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.SyncChangeSkipped;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import dev.steward.contracts.event.SyncCycleCompleted;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserSynced;
import java.time.Instant;
import java.util.LinkedHashMap;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.NotificationIssued;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.GroupJoinPolicyChanged;
import dev.steward.contracts.event.TenantSettingsChanged;
import dev.steward.contracts.command.ApproveMembershipRequest;
import dev.steward.contracts.command.RejectMembershipRequest;
import dev.steward.contracts.command.CancelMembershipRequest;
import dev.steward.contracts.command.AssignLicense;
import dev.steward.contracts.event.AssignedLicense;
import dev.steward.contracts.event.GroupSecondStageApproverChanged;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.UserLicensesChanged;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed instance of every contract message, keyed by its logical type name. */
final class Samples {

    static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    static final String GROUP_ANCHOR = "0b7a4f7c-55aa-4c2b-9d4e-3f1c2a6b8e01";
    static final String GROUP_ID = DirectoryIds.fromAnchor(GROUP_ANCHOR);
    /** A user created in the cloud: a random GUID, no anchor. */
    static final String CLOUD_USER_ID = "5f0c2d7e-8a41-4b6e-9c3d-2e1f0a9b8c7d";
    static final String ALICE_ANCHOR = "5d1e7a10-2b3c-4d5e-8f90-a1b2c3d4e5f6";
    static final String ALICE_ID = DirectoryIds.fromAnchor(ALICE_ANCHOR);
    static final String LEADS_ID = DirectoryIds.fromAnchor("9f2c3b4a-1d2e-4f30-8a1b-2c3d4e5f6a7b");
    static final Initiator ADMIN = new Initiator("8e0c5d52-3b1a-4c8e-9f1d-2a3b4c5d6e7f", "admin@corp.example.test",
            "Admin", "11111111-2222-3333-4444-555555555555", "Steward CLI", "127.0.0.1");

    /** What the Engineering group carries from AD's extensionAttribute1 and extensionAttribute3. */
    static final OnPremisesExtensionAttributes EXTENSION_ATTRIBUTES = new OnPremisesExtensionAttributes("CC-4711",
            null, "Munich", null, null, null, null, null, null, null, null, null, null, null, null);

    /** Entra ID P1 and P2 (Microsoft's SKU ids), and a service plan (Exchange Online) switched off. */
    static final String AAD_PREMIUM = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    static final String AAD_PREMIUM_P2 = "84a661c4-e949-4bd2-a560-ed7766fcaf2b";
    static final String EXCHANGE_PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0";

    private Samples() {
    }

    static EventMetadata event(String aggregateId) {
        return new EventMetadata(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), AT, aggregateId,
                "c0ffee00-0000-4000-8000-000000000001", ADMIN, 1);
    }

    /** An event of a directory aggregate, at the version the command result sample names. */
    static EventMetadata directoryEvent(String aggregateId) {
        EventMetadata event = event(aggregateId);
        return new EventMetadata(event.eventId(), event.occurredAt(), aggregateId, event.correlationId(),
                event.initiator(), event.schemaVersion(), 7L);
    }

    static CommandMetadata command() {
        return new CommandMetadata(UUID.fromString("a3bb189e-8bf9-3888-9912-ace4e6543002"), AT,
                "c0ffee00-0000-4000-8000-000000000001");
    }

    static GroupSnapshot group() {
        return new GroupSnapshot(GROUP_ID, "Engineering", "Engineering staff", "Engineering", null, false, true,
                List.of(), AT, true, false, GROUP_ANCHOR, "S-1-5-21-1004336348-1177238915-682003330-1105",
                "Engineering", "corp.example.test", "CORP", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
                AT, EXTENSION_ATTRIBUTES);
    }

    static Map<String, ContractMessage> all() {
        Map<String, ContractMessage> samples = new LinkedHashMap<>();
        samples.put("directory.ChangeSourceOfAuthority", new ChangeSourceOfAuthority(command(), GROUP_ID, true));
        samples.put("directory.SyncGroup", new SyncGroup(command(), GROUP_ID, GROUP_ANCHOR, "Engineering",
                "Engineering staff", "Engineering", null, false, true, List.of(),
                "S-1-5-21-1004336348-1177238915-682003330-1105", "Engineering", "corp.example.test", "CORP",
                "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", EXTENSION_ATTRIBUTES, AT));
        samples.put("directory.SyncGroupMembership", new SyncGroupMembership(command(), GROUP_ID, GROUP_ANCHOR,
                List.of(ALICE_ID, LEADS_ID), List.of(), List.of(ALICE_ID), List.of(), AT));
        samples.put("directory.CreateGroup", new CreateGroup(command(), "0c1d2e3f-4a5b-4c6d-8e7f-901234567890",
                "Project X", "Cloud-only project team", "projectx", false, true, List.of(), "Private",
                List.of(ALICE_ID), List.of(ALICE_ID, LEADS_ID)));
        samples.put("directory.UpdateGroup", new UpdateGroup(command(), GROUP_ID,
                java.util.Map.of("displayName", "Engineering Team")));
        samples.put("directory.DeleteGroup", new DeleteGroup(command(), GROUP_ID));
        samples.put("directory.AddMembers", new AddMembers(command(), GROUP_ID, List.of(ALICE_ID, LEADS_ID)));
        samples.put("directory.RemoveMembers", new RemoveMembers(command(), GROUP_ID, List.of(ALICE_ID)));
        samples.put("directory.AddOwners", new AddOwners(command(), GROUP_ID, List.of(ALICE_ID)));
        samples.put("directory.RemoveOwners", new RemoveOwners(command(), GROUP_ID, List.of(ALICE_ID)));
        samples.put("directory.SyncUser", new SyncUser(command(), ALICE_ID, ALICE_ANCHOR, "alice@corp.example.test",
                "Alice", "alice@corp.example.test", "S-1-5-21-1004336348-1177238915-682003330-1106", "alice",
                "CN=Alice,OU=People,DC=corp,DC=example,DC=test", EXTENSION_ATTRIBUTES, AT));
        samples.put("directory.SyncDeletion", new SyncDeletion(command(), ALICE_ID, ALICE_ANCHOR, SyncDeletion.USER,
                AT));
        samples.put("directory.GroupCreated", new GroupCreated(directoryEvent(GROUP_ID), group()));
        samples.put("directory.GroupUpdated", new GroupUpdated(directoryEvent(GROUP_ID), group(),
                List.of(new ModifiedProperty("displayName", "\"Engineering\"", "\"Engineering Team\"")), false));
        samples.put("directory.SourceOfAuthorityChanged",
                new SourceOfAuthorityChanged(directoryEvent(GROUP_ID), GROUP_ID, "Engineering", GROUP_ANCHOR, true, null,
                        EXTENSION_ATTRIBUTES));
        samples.put("directory.UserSynced", new UserSynced(directoryEvent(ALICE_ID), ALICE_ID, ALICE_ANCHOR,
                "alice@corp.example.test", "Alice", "alice@corp.example.test",
                "S-1-5-21-1004336348-1177238915-682003330-1106", "alice",
                "CN=Alice,OU=People,DC=corp,DC=example,DC=test", true));
        samples.put("directory.UserDeleted", new UserDeleted(directoryEvent(CLOUD_USER_ID), CLOUD_USER_ID,
                "carol@corp.example.test", "Carol", null));
        samples.put("directory.AssignLicense", new AssignLicense(command(), CLOUD_USER_ID,
                List.of(new AssignedLicense(AAD_PREMIUM, List.of(EXCHANGE_PLAN))), List.of(AAD_PREMIUM_P2)));
        samples.put("directory.UserLicensesChanged", new UserLicensesChanged(directoryEvent(CLOUD_USER_ID), CLOUD_USER_ID,
                "carol@corp.example.test", List.of(new AssignedLicense(AAD_PREMIUM, List.of(EXCHANGE_PLAN))),
                List.of(AAD_PREMIUM), List.of(AAD_PREMIUM_P2)));
        samples.put("directory.GroupDeleted", new GroupDeleted(directoryEvent(GROUP_ID), GROUP_ID, "Engineering", GROUP_ANCHOR));
        samples.put("directory.MembersAdded", new MembersAdded(directoryEvent(GROUP_ID), GROUP_ID,
                List.of(DirectoryObjectRef.user(ALICE_ID), DirectoryObjectRef.group(LEADS_ID)), true));
        samples.put("directory.MembersRemoved", new MembersRemoved(directoryEvent(GROUP_ID), GROUP_ID,
                List.of(DirectoryObjectRef.user(ALICE_ID)), false));
        samples.put("directory.OwnersAdded", new OwnersAdded(directoryEvent(GROUP_ID), GROUP_ID, List.of(ALICE_ID), true));
        samples.put("directory.OwnersRemoved", new OwnersRemoved(directoryEvent(GROUP_ID), GROUP_ID, List.of(ALICE_ID), false));
        samples.put("selfservice.RequestMembership",
                new RequestMembership(command(), GROUP_ID, null, "I work on the build system"));
        samples.put("selfservice.MembershipRequested", new MembershipRequested(event("0d6f4b1e-1111-4222-8333-944455556666"),
                "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID, "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "bob@corp.example.test", List.of(ALICE_ID), "I work on the build system"));
        samples.put("selfservice.ApproveMembershipRequest", new ApproveMembershipRequest(command(), "0d6f4b1e-1111-4222-8333-944455556666"));
        samples.put("selfservice.RejectMembershipRequest", new RejectMembershipRequest(command(), "0d6f4b1e-1111-4222-8333-944455556666",
                "Only the build team joins this group"));
        samples.put("selfservice.CancelMembershipRequest", new CancelMembershipRequest(command(), "0d6f4b1e-1111-4222-8333-944455556666"));
        samples.put("selfservice.MembershipRequestRouted", new MembershipRequestRouted(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", List.of(ALICE_ID, LEADS_ID), List.of(LEADS_ID), List.of()));
        samples.put("selfservice.MembershipRequestApproved", new MembershipRequestApproved(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", ALICE_ID, false));
        samples.put("selfservice.MembershipRequestRejected", new MembershipRequestRejected(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", ALICE_ID, "Only the build team joins this group"));
        samples.put("selfservice.MembershipRequestCancelled", new MembershipRequestCancelled(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test"));
        samples.put("selfservice.MembershipRequestExpired", new MembershipRequestExpired(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", List.of(ALICE_ID), AT));
        samples.put("selfservice.MembershipRequestReminded", new MembershipRequestReminded(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", List.of(ALICE_ID), AT));
        samples.put("selfservice.NotificationIssued", new NotificationIssued(event("0d6f4b1e-1111-4222-8333-944455556666"),
                "6f9619ff-8b86-d011-b42d-00c04fc964ff", "selfservice.MembershipRequestReminded",
                "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID, "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "bob@corp.example.test", List.of(new NotificationIssued.Recipient(ALICE_ID, "alice@corp.example.test",
                "Approver")), "Reminder: bob@corp.example.test asks to join Engineering",
                "bob@corp.example.test asks to join Engineering. The request expires at 2026-01-01T10:00:00Z."));
        samples.put("selfservice.MembershipRequestCompleted", new MembershipRequestCompleted(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", "a3bb189e-8bf9-3888-9912-ace4e6543002"));
        samples.put("selfservice.MembershipRequestAddRefused", new MembershipRequestAddRefused(event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666",
                GROUP_ID, "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", "a3bb189e-8bf9-3888-9912-ace4e6543002",
                "Request_BadRequest", "One or more added object references already exist for the following modified properties: 'members'."));
        samples.put("selfservice.GroupJoinPolicyChanged", new GroupJoinPolicyChanged(event(GROUP_ID), GROUP_ID,
                "Engineering", "OwnerApproval", "Open"));
        samples.put("selfservice.TenantSettingsChanged", new TenantSettingsChanged(
                event(TenantSettingsChanged.AGGREGATE_ID), List.of(new ModifiedProperty("restrictSecurityGroups", "false",
                        "true"))));
        samples.put("selfservice.MembershipRequestFirstStageApproved", new MembershipRequestFirstStageApproved(
                event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", ALICE_ID, LEADS_ID));
        samples.put("selfservice.MembershipRequestClosed", new MembershipRequestClosed(
                event("0d6f4b1e-1111-4222-8333-944455556666"), "0d6f4b1e-1111-4222-8333-944455556666", GROUP_ID,
                "Engineering", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "bob@corp.example.test", "Pending",
                MembershipRequestClosed.GROUP_DELETED));
        samples.put("selfservice.GroupSecondStageApproverChanged", new GroupSecondStageApproverChanged(event(GROUP_ID),
                GROUP_ID, "Engineering", LEADS_ID, null));
        samples.put("sync.SyncChangeSkipped", new SyncChangeSkipped(event(GROUP_ID), "cycle-1", GROUP_ID, GROUP_ANCHOR,
                "group", "Engineering", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
                SyncChangeSkipped.SOURCE_OF_AUTHORITY_IN_CLOUD,
                "The object has not been synced to the cloud because the source of authority of the object is in the cloud."));
        samples.put("sync.SyncCycleCompleted", new SyncCycleCompleted(event("cycle-1"), "cycle-1", "Delta", "Succeeded",
                AT, AT.plusSeconds(2), 1, 2, 3, 1, 0, null));
        samples.put("sync.GroupWrittenBack", new GroupWrittenBack(event(GROUP_ID), GROUP_ID, "Engineering",
                GroupWrittenBack.WRITTEN, GROUP_ANCHOR, "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", 2, 1, 0,
                null));
        samples.put("sync.WriteBackDriftDetected", new WriteBackDriftDetected(event(GROUP_ID), GROUP_ID, "Engineering",
                "5b1f0e3a-2c4d-4e6f-8a9b-0c1d2e3f4a5b", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
                List.of("CN=Mallory,CN=Users,DC=corp,DC=example,DC=test"), List.of(),
                List.of("description: written \"Engineers\", in AD \"Everyone\"")));
        samples.put("sync.WriteBackDriftResolved", new WriteBackDriftResolved(event(GROUP_ID), GROUP_ID, "Engineering",
                "admin@corp.example.test"));
        samples.put("steward.CommandResult", CommandResult.succeeded(
                new CommandResult.ContractCommandRef(UUID.fromString("a3bb189e-8bf9-3888-9912-ace4e6543002"),
                        "directory.ChangeSourceOfAuthority", "c0ffee00-0000-4000-8000-000000000001", GROUP_ID),
                7L, AT));
        return samples;
    }
}
