package dev.steward.audit.directoryaudit.projection;

import static dev.steward.audit.TestEvents.ADMIN;
import static dev.steward.audit.TestEvents.ALICE_ID;
import static dev.steward.audit.TestEvents.AT;
import static dev.steward.audit.TestEvents.BOB_ID;
import static dev.steward.audit.TestEvents.GROUP_ANCHOR;
import static dev.steward.audit.TestEvents.GROUP_ID;
import static dev.steward.audit.TestEvents.SYNC_ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.audit.TestEvents;
import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.model.InitiatedBy;
import dev.steward.audit.directoryaudit.model.ModifiedProperty;
import dev.steward.audit.directoryaudit.model.TargetResource;
import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.event.GroupWrittenBack;
import dev.steward.contracts.event.WriteBackDriftDetected;
import dev.steward.contracts.event.WriteBackDriftResolved;
import dev.steward.contracts.Initiator;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.event.NotificationIssued;
import dev.steward.contracts.OnPremisesExtensionAttributes;
import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.MembersAdded;
import dev.steward.contracts.event.UserDeleted;
import dev.steward.contracts.event.UserSynced;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditEntryMapperTest {

    private static final String CAROL_ID = "5f0c2d7e-8a41-4b6e-9c3d-2e1f0a9b8c7d";

    private static final String NESTED_GROUP_ID = "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
    private static final GroupLookup ENGINEERING_KNOWN = groupId -> GROUP_ID.equals(groupId)
            ? Optional.of(new AuditedGroup(GROUP_ID, "Engineering", "azureAD")) : Optional.empty();

    private final AuditEntryMapper mapper = new AuditEntryMapper();

    @Test
    void recordsGroupCreationAsAddGroupWithInitialValues() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);

        DirectoryAudit entry = entry(TestEvents.groupCreated(metadata,
                TestEvents.syncedSecurityGroup(GROUP_ID, "Engineering")));

        assertCommonFields(entry, metadata, "Add group", "GroupManagement", "Core Directory", "Add");
        assertThat(entry.targetResources()).singleElement().satisfies(target -> {
            assertThat(target.id()).isEqualTo(GROUP_ID);
            assertThat(target.displayName()).isEqualTo("Engineering");
            assertThat(target.type()).isEqualTo("Group");
            assertThat(target.groupType()).isEqualTo("azureAD");
            assertThat(target.userPrincipalName()).isNull();
            assertThat(target.modifiedProperties()).contains(
                    new ModifiedProperty("displayName", null, "\"Engineering\""),
                    new ModifiedProperty("securityEnabled", null, "true"),
                    new ModifiedProperty("mailEnabled", null, "false"),
                    new ModifiedProperty("groupTypes", null, "[]"),
                    new ModifiedProperty("onPremisesSyncEnabled", null, "true"));
            assertThat(target.modifiedProperties()).extracting(ModifiedProperty::displayName).doesNotContain("mail")
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("owner")
                            || name.toLowerCase(Locale.ROOT).contains("member"));
        });
        assertThat(entry.detail("groupKind")).isEqualTo("Security");
        assertThat(entry.detail("synchronizedFromOnPremises")).isEqualTo("true");
    }

    @Test
    void marksMicrosoft365GroupsAsUnifiedGroups() {
        DirectoryAudit entry = entry(TestEvents.groupCreated(TestEvents.metadata("g-365"),
                TestEvents.cloudMicrosoft365Group("g-365", "Team")));

        assertThat(entry.targetResources().get(0).groupType()).isEqualTo("unifiedGroups");
        assertThat(entry.targetResources().get(0).modifiedProperties())
                .contains(new ModifiedProperty("groupTypes", null, "[\"Unified\"]"));
        assertThat(entry.detail("groupKind")).isEqualTo("Microsoft 365");
        assertThat(entry.detail("synchronizedFromOnPremises")).isEqualTo("false");
    }

    @Test
    void recordsGroupUpdateWithTheEventsChangesAndWhetherSyncMadeThem() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);

        DirectoryAudit entry = entry(TestEvents.groupRenamed(metadata, "Engineering", "Engineering Team", true));

        assertCommonFields(entry, metadata, "Update group", "GroupManagement", "Core Directory", "Update");
        TargetResource target = entry.targetResources().get(0);
        assertThat(target.id()).isEqualTo(GROUP_ID);
        assertThat(target.displayName()).isEqualTo("Engineering Team");
        assertThat(target.modifiedProperties()).containsExactly(
                new ModifiedProperty("displayName", "\"Engineering\"", "\"Engineering Team\""),
                new ModifiedProperty("Included Updated Properties", null, "\"displayName\""));
        assertThat(entry.detail("bySync")).isEqualTo("true");
    }

    @Test
    void recordsSwitchOfSourceOfAuthorityToTheCloud() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);

        DirectoryAudit entry = entry(TestEvents.sourceOfAuthority(metadata, GROUP_ID, "Engineering", true));

        assertCommonFields(entry, metadata, "Change Source of Authority from AD to cloud", "GroupManagement",
                "Core Directory", "Update");
        assertThat(entry.targetResources()).singleElement().satisfies(target -> {
            assertThat(target.id()).isEqualTo(GROUP_ID);
            assertThat(target.displayName()).isEqualTo("Engineering");
            assertThat(target.type()).isEqualTo("Group");
            assertThat(target.modifiedProperties())
                    .containsExactly(new ModifiedProperty("isCloudManaged", "false", "true"));
        });
        assertThat(entry.detail("onPremisesAnchor")).isEqualTo(GROUP_ANCHOR);
    }

    @Test
    void listsTheExtensionAttributesTheSwitchToTheCloudRemoved() {
        var removed = new OnPremisesExtensionAttributes("CC-4711", null, "Munich", null, null, null, null, null, null,
                null, null, null, null, null, null);

        DirectoryAudit entry = entry(TestEvents.sourceOfAuthority(TestEvents.metadata(GROUP_ID), GROUP_ID,
                "Engineering", true, removed));

        assertThat(entry.targetResources().get(0).modifiedProperties()).containsExactly(
                new ModifiedProperty("isCloudManaged", "false", "true"),
                new ModifiedProperty("onPremisesExtensionAttributes", "{\"extensionAttribute1\":\"CC-4711\","
                        + "\"extensionAttribute2\":null,\"extensionAttribute3\":\"Munich\","
                        + "\"extensionAttribute4\":null,"
                        + "\"extensionAttribute5\":null,\"extensionAttribute6\":null,\"extensionAttribute7\":null,"
                        + "\"extensionAttribute8\":null,\"extensionAttribute9\":null,\"extensionAttribute10\":null,"
                        + "\"extensionAttribute11\":null,\"extensionAttribute12\":null,\"extensionAttribute13\":null,"
                        + "\"extensionAttribute14\":null,\"extensionAttribute15\":null}",
                        AuditJson.text(OnPremisesExtensionAttributes.NONE)));
    }

    @Test
    void recordsRollbackOfSourceOfAuthorityAsUndo() {
        DirectoryAudit entry = entry(TestEvents.sourceOfAuthority(TestEvents.metadata(GROUP_ID), GROUP_ID,
                "Engineering", false));

        assertThat(entry.activityDisplayName()).isEqualTo("Undo changes to Source of Authority from AD to cloud");
        assertThat(entry.operationType()).isEqualTo("Update");
        assertThat(entry.targetResources().get(0).modifiedProperties())
                .containsExactly(new ModifiedProperty("isCloudManaged", "true", "false"));
    }

    @Test
    void recordsFirstSyncOfUserAsAddUser() {
        EventMetadata metadata = TestEvents.metadata(ALICE_ID, "corr-user", AT, SYNC_ENGINE);

        DirectoryAudit entry = entry(TestEvents.userSynced(metadata, true));

        assertCommonFields(entry, metadata, "Add user", "UserManagement", "Core Directory", "Add");
        assertThat(entry.targetResources()).singleElement().satisfies(target -> {
            assertThat(target.id()).isEqualTo(ALICE_ID);
            assertThat(target.type()).isEqualTo("User");
            assertThat(target.userPrincipalName()).isEqualTo("alice@corp.example.test");
            assertThat(target.groupType()).isNull();
            assertThat(target.modifiedProperties()).contains(
                    new ModifiedProperty("userPrincipalName", null, "\"alice@corp.example.test\""));
        });
        assertThat(entry.initiatedBy().user()).isNull();
        assertThat(entry.initiatedBy().app()).isEqualTo(
                new InitiatedBy.AppIdentity(SYNC_ENGINE.appId(), "Steward Sync", null, null));
    }

    @Test
    void recordsLaterSyncOfUserAsUpdateUser() {
        DirectoryAudit entry = entry(TestEvents.userSynced(TestEvents.metadata(ALICE_ID), false));

        assertThat(entry.activityDisplayName()).isEqualTo("Update user");
        assertThat(entry.category()).isEqualTo("UserManagement");
        assertThat(entry.operationType()).isEqualTo("Update");
    }

    @Test
    void recordsCloudUserAsAddUserNotBySync() {
        UserSynced cloud = new UserSynced(TestEvents.metadata(CAROL_ID), CAROL_ID, null, "carol@corp.example.test",
                "Carol", null, null, null, null, true);

        DirectoryAudit entry = entry(cloud);

        assertThat(entry.activityDisplayName()).isEqualTo("Add user");
        assertThat(entry.detail("bySync")).isEqualTo("false");
    }

    @Test
    void recordsDeletedUserAsDeleteUser() {
        EventMetadata metadata = TestEvents.metadata(CAROL_ID);

        DirectoryAudit entry = entry(new UserDeleted(metadata, CAROL_ID, "carol@corp.example.test", "Carol", null));

        assertCommonFields(entry, metadata, "Delete user", "UserManagement", "Core Directory", "Delete");
        assertThat(entry.targetResources()).singleElement().satisfies(target -> {
            assertThat(target.id()).isEqualTo(CAROL_ID);
            assertThat(target.type()).isEqualTo("User");
            assertThat(target.userPrincipalName()).isEqualTo("carol@corp.example.test");
        });
    }

    @Test
    void writesOneAddMemberEntryPerMember() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);
        MembersAdded added = TestEvents.membersAdded(metadata, GROUP_ID, false, DirectoryObjectRef.user(BOB_ID),
                DirectoryObjectRef.group(NESTED_GROUP_ID));

        List<DirectoryAudit> entries = mapper.toEntries(added, ENGINEERING_KNOWN);

        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertFieldsOfEvent(entry, metadata, "Add member to group", "GroupManagement", "Core Directory", "Assign");
            assertThat(entry.targetResources()).element(1).isEqualTo(new TargetResource(GROUP_ID, "Engineering",
                    "Group", null, "azureAD", List.of()));
            assertThat(entry.targetResources().get(0).modifiedProperties()).containsExactly(
                    new ModifiedProperty("Group.ObjectID", null, "\"" + GROUP_ID + "\""),
                    new ModifiedProperty("Group.DisplayName", null, "\"Engineering\""));
            assertThat(entry.detail("bySync")).isEqualTo("false");
            assertThat(entry.initiatedBy().user().userPrincipalName()).isEqualTo("admin@corp.example.test");
        });
        assertThat(entries).extracting(entry -> entry.targetResources().get(0))
                .extracting(TargetResource::id, TargetResource::type)
                .containsExactly(tuple(BOB_ID, "User"), tuple(NESTED_GROUP_ID, "Group"));
    }

    @Test
    void givesEachMemberEntryAnIdThatARedeliveryRepeats() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);
        MembersAdded added = TestEvents.membersAdded(metadata, GROUP_ID, false, DirectoryObjectRef.user(BOB_ID),
                DirectoryObjectRef.user(ALICE_ID));
        MembersAdded other = TestEvents.membersAdded(TestEvents.metadata(GROUP_ID), GROUP_ID, false,
                DirectoryObjectRef.user(BOB_ID), DirectoryObjectRef.user(ALICE_ID));

        List<String> ids = mapper.toEntries(added, ENGINEERING_KNOWN).stream().map(DirectoryAudit::id).toList();

        assertThat(ids).doesNotHaveDuplicates().doesNotContain(metadata.eventId().toString());
        assertThat(mapper.toEntries(added, GroupLookup.NONE)).extracting(DirectoryAudit::id).isEqualTo(ids);
        assertThat(mapper.toEntries(other, ENGINEERING_KNOWN)).extracting(DirectoryAudit::id).doesNotContainAnyElementsOf(ids);
        assertThat(ids.get(0)).isEqualTo(UUID.nameUUIDFromBytes((metadata.eventId() + "/" + BOB_ID)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void writesRemoveMemberEntriesWithTheGroupAsOldValue() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);

        List<DirectoryAudit> entries = mapper.toEntries(TestEvents.membersRemoved(metadata, GROUP_ID, false,
                DirectoryObjectRef.user(BOB_ID)), ENGINEERING_KNOWN);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertFieldsOfEvent(entry, metadata, "Remove member from group", "GroupManagement", "Core Directory",
                    "Unassign");
            assertThat(entry.targetResources()).extracting(TargetResource::id, TargetResource::type,
                    TargetResource::displayName).containsExactly(tuple(BOB_ID, "User", null),
                    tuple(GROUP_ID, "Group", "Engineering"));
            assertThat(entry.targetResources().get(0).modifiedProperties()).containsExactly(
                    new ModifiedProperty("Group.ObjectID", "\"" + GROUP_ID + "\"", null),
                    new ModifiedProperty("Group.DisplayName", "\"Engineering\"", null));
        });
    }

    @Test
    void writesOwnerEntries() {
        EventMetadata addedAt = TestEvents.metadata(GROUP_ID);
        EventMetadata removedAt = TestEvents.metadata(GROUP_ID);

        List<DirectoryAudit> added = mapper.toEntries(TestEvents.ownersAdded(addedAt, GROUP_ID, false, ALICE_ID,
                ADMIN.userId()), ENGINEERING_KNOWN);
        List<DirectoryAudit> removed = mapper.toEntries(TestEvents.ownersRemoved(removedAt, GROUP_ID, false, ALICE_ID),
                ENGINEERING_KNOWN);

        assertThat(added).hasSize(2).allSatisfy(entry -> assertFieldsOfEvent(entry, addedAt, "Add owner to group",
                "GroupManagement", "Core Directory", "Assign"));
        assertThat(added).extracting(entry -> entry.targetResources().get(0))
                .extracting(TargetResource::id, TargetResource::type)
                .containsExactly(tuple(ALICE_ID, "User"), tuple(ADMIN.userId(), "User"));
        assertThat(removed).singleElement().satisfies(entry -> {
            assertFieldsOfEvent(entry, removedAt, "Remove owner from group", "GroupManagement", "Core Directory",
                    "Unassign");
            assertThat(entry.targetResources()).extracting(TargetResource::id).containsExactly(ALICE_ID, GROUP_ID);
            assertThat(entry.targetResources().get(0).modifiedProperties())
                    .contains(new ModifiedProperty("Group.DisplayName", "\"Engineering\"", null));
        });
    }

    @Test
    void leavesTheGroupNameNullWhenTheGroupIsUnknown() {
        DirectoryAudit entry = mapper.toEntries(TestEvents.membersAdded(TestEvents.metadata(GROUP_ID), GROUP_ID, false,
                DirectoryObjectRef.user(BOB_ID)), GroupLookup.NONE).get(0);

        assertThat(entry.targetResources().get(1)).isEqualTo(new TargetResource(GROUP_ID, null, "Group", null, null,
                List.of()));
        assertThat(entry.targetResources().get(0).modifiedProperties())
                .containsExactly(new ModifiedProperty("Group.ObjectID", null, "\"" + GROUP_ID + "\""));
    }

    @Test
    void attributesSyncedMemberChangesToTheSyncEngineAsSyncedGroupUpdatesAre() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID, "corr-sync", AT, SYNC_ENGINE);

        DirectoryAudit member = mapper.toEntries(TestEvents.membersAdded(metadata, GROUP_ID, true,
                DirectoryObjectRef.user(BOB_ID)), ENGINEERING_KNOWN).get(0);
        DirectoryAudit update = entry(new GroupUpdated(metadata, TestEvents.syncedSecurityGroup(GROUP_ID, "Engineering"),
                List.of(), true));

        assertThat(member.initiatedBy()).isEqualTo(update.initiatedBy());
        assertThat(member.initiatedBy().user()).isNull();
        assertThat(member.initiatedBy().app()).isEqualTo(
                new InitiatedBy.AppIdentity(SYNC_ENGINE.appId(), "Steward Sync", null, null));
        assertThat(member.detail("bySync")).isEqualTo("true").isEqualTo(update.detail("bySync"));
    }

    @Test
    void writesDeleteGroupEntry() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID);

        DirectoryAudit entry = single(mapper.toEntries(TestEvents.groupDeleted(metadata, GROUP_ID, "Engineering"),
                ENGINEERING_KNOWN));

        assertCommonFields(entry, metadata, "Delete group", "GroupManagement", "Core Directory", "Delete");
        assertThat(entry.targetResources()).containsExactly(new TargetResource(GROUP_ID, "Engineering", "Group", null,
                "azureAD", List.of()));
        assertThat(entry.detail("onPremisesAnchor")).isEqualTo(GROUP_ANCHOR);
        assertThat(single(mapper.toEntries(TestEvents.groupDeleted(TestEvents.metadata(GROUP_ID), GROUP_ID, null),
                ENGINEERING_KNOWN)).targetResources().get(0).displayName()).as("named from the last snapshot")
                .isEqualTo("Engineering");
    }

    @Test
    void recordsJoinRequestWithGroupRequesterAndApproverCount() {
        EventMetadata metadata = TestEvents.metadata("request-1");

        DirectoryAudit entry = entry(TestEvents.membershipRequested(metadata));

        assertCommonFields(entry, metadata, "Request to join a group", "GroupManagement",
                "Self-service Group Management", "Add");
        assertThat(entry.targetResources()).extracting(TargetResource::id, TargetResource::type,
                        TargetResource::displayName, TargetResource::userPrincipalName)
                .containsExactly(
                        tuple(GROUP_ID, "Group", "Engineering", null),
                        tuple(BOB_ID, "User", null, "bob@corp.example.test"));
        assertThat(entry.detail("approverCount")).isEqualTo("2");
        assertThat(entry.detail("requestId")).isEqualTo("request-1");
        assertThat(entry.detail("justification")).isEqualTo("I work on the build system");
    }

    @Test
    void recordsSkippedSyncChangeWithReasonAndEventId6956() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID, "corr-skip", AT, SYNC_ENGINE);

        DirectoryAudit entry = entry(TestEvents.syncChangeSkipped(metadata));

        assertCommonFields(entry, metadata, "Skip synchronization of object", "Synchronization", "Sync Engine",
                "Update");
        assertThat(entry.result()).isEqualTo("success");
        assertThat(entry.resultReason()).isEqualTo(TestEvents.SKIP_REASON);
        assertThat(entry.detail("eventId")).isEqualTo("6956");
        assertThat(entry.detail("cycleId")).isEqualTo("cycle-1");
        assertThat(entry.detail("distinguishedName")).isEqualTo("CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test");
        assertThat(entry.targetResources()).singleElement().satisfies(target -> {
            assertThat(target.id()).isEqualTo(GROUP_ID);
            assertThat(target.type()).isEqualTo("Group");
        });
    }

    @Test
    void recordsCompletedSyncCycleWithItsCounts() {
        EventMetadata metadata = TestEvents.metadata("cycle-1", "corr-cycle", AT, SYNC_ENGINE);

        DirectoryAudit entry = entry(TestEvents.syncCycleCompleted(metadata, "Succeeded", null));

        assertCommonFields(entry, metadata, "Run synchronization cycle", "Synchronization", "Sync Engine", "Update");
        assertThat(entry.result()).isEqualTo("success");
        assertThat(entry.resultReason()).isEmpty();
        assertThat(entry.detail("policyType")).isEqualTo("Delta");
        assertThat(entry.detail("objectsSkipped")).isEqualTo("1");
        assertThat(entry.detail("completedAt")).isEqualTo("2026-01-01T10:00:02Z");
    }

    @Test
    void recordsFailedSyncCycleAsFailureWithItsError() {
        DirectoryAudit entry = entry(TestEvents.syncCycleCompleted(TestEvents.metadata("cycle-1"), "Failed",
                "LDAP server unavailable"));

        assertThat(entry.result()).isEqualTo("failure");
        assertThat(entry.resultReason()).isEqualTo("LDAP server unavailable");
    }

    @Test
    void recordsAGroupWrittenBackToAdAsAnUpdateWithItsCounts() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID, "corr-wb", AT, SYNC_ENGINE);

        DirectoryAudit entry = entry(new GroupWrittenBack(metadata, GROUP_ID, "Engineering", GroupWrittenBack.WRITTEN,
                "0b7a4f7c-55aa-4c2b-9d4e-3f1c2a6b8e01", "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", 2, 1, 3,
                null));

        assertCommonFields(entry, metadata, "Write back group to on-premises directory", "Synchronization",
                "Sync Engine", "Update");
        assertThat(entry.result()).isEqualTo("success");
        assertThat(entry.detail("outcome")).isEqualTo("Written");
        assertThat(entry.detail("membersAdded")).isEqualTo("2");
        assertThat(entry.detail("membersRemoved")).isEqualTo("1");
        assertThat(entry.detail("membersNotWritten")).isEqualTo("3");
        assertThat(entry.detail("distinguishedName")).isEqualTo("CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test");
        assertThat(entry.targetResources()).singleElement().satisfies(target -> {
            assertThat(target.id()).isEqualTo(GROUP_ID);
            assertThat(target.displayName()).isEqualTo("Engineering");
            assertThat(target.type()).isEqualTo("Group");
        });
    }

    @Test
    void recordsARefusedOrFailedWriteBackAsFailureAndADeletionAsDelete() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID, "corr-wb", AT, SYNC_ENGINE);

        DirectoryAudit failed = entry(new GroupWrittenBack(metadata, GROUP_ID, "Engineering", GroupWrittenBack.FAILED,
                null, null, 0, 0, 0, "SERVER_DOWN: connect failed"));
        DirectoryAudit refused = entry(new GroupWrittenBack(metadata, GROUP_ID, "nul", GroupWrittenBack.REFUSED,
                null, null, 0, 0, 0, "displayName contains a NUL character"));
        DirectoryAudit deleted = entry(new GroupWrittenBack(metadata, GROUP_ID, "Engineering", GroupWrittenBack.LEFT_IN_AD,
                null, null, 0, 0, 0, "left in AD"));

        assertThat(failed.result()).isEqualTo("failure");
        assertThat(failed.resultReason()).isEqualTo("SERVER_DOWN: connect failed");
        assertThat(refused.result()).isEqualTo("failure");
        assertThat(deleted.operationType()).isEqualTo("Delete");
        assertThat(deleted.result()).isEqualTo("success");
        assertThat(deleted.detail("outcome")).isEqualTo("LeftInAd");
    }

    @Test
    void recordsWriteBackDriftAsFailureWithWhatChangedInAdAndItsResolution() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID, "corr-drift", AT, SYNC_ENGINE);

        DirectoryAudit drift = entry(new WriteBackDriftDetected(metadata, GROUP_ID, "Engineering", "drift-1",
                "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
                List.of("CN=Mallory,CN=Users,DC=corp,DC=example,DC=test"), List.of(),
                List.of("description: written \"a\", in AD \"b\"")));
        DirectoryAudit resolved = entry(new WriteBackDriftResolved(TestEvents.metadata(GROUP_ID), GROUP_ID,
                "Engineering", "admin@corp.example.test"));

        assertCommonFields(drift, metadata, "Hold group write-back: changed in on-premises directory",
                "Synchronization", "Sync Engine", "Update");
        assertThat(drift.result()).isEqualTo("failure");
        assertThat(drift.detail("driftId")).isEqualTo("drift-1");
        assertThat(drift.detail("membersAddedInAd")).isEqualTo("CN=Mallory,CN=Users,DC=corp,DC=example,DC=test");
        assertThat(drift.detail("attributesChanged")).isEqualTo("description: written \"a\", in AD \"b\"");
        assertThat(resolved.activityDisplayName()).isEqualTo("Resolve group write-back drift");
        assertThat(resolved.result()).isEqualTo("success");
        assertThat(resolved.detail("resolvedBy")).isEqualTo("admin@corp.example.test");
        assertThat(resolved.initiatedBy().user().userPrincipalName()).isEqualTo("admin@corp.example.test");
    }

    @Test
    void takesUserAndAppOfDelegatedInitiator() {
        DirectoryAudit entry = entry(TestEvents.sourceOfAuthority(TestEvents.metadata(GROUP_ID), GROUP_ID,
                "Engineering", true));

        assertThat(entry.initiatedBy().user()).isEqualTo(new InitiatedBy.UserIdentity(ADMIN.userId(), "Admin",
                "admin@corp.example.test", "127.0.0.1"));
        assertThat(entry.initiatedBy().app()).isEqualTo(new InitiatedBy.AppIdentity(ADMIN.appId(), "Steward CLI",
                null, null));
    }

    @Test
    void leavesInitiatorEmptyWhenEventHasNone() {
        EventMetadata metadata = TestEvents.metadata(GROUP_ID, null, AT, null);

        DirectoryAudit entry = entry(TestEvents.sourceOfAuthority(metadata, GROUP_ID, "Engineering", true));

        assertThat(entry.initiatedBy()).isEqualTo(InitiatedBy.NOBODY);
        assertThat(entry.correlationId()).as("falls back to the event id").isEqualTo(metadata.eventId().toString());
    }

    @Test
    void writesGraphShapedJsonWithNullsAndIsoTimes() {
        DirectoryAudit entry = entry(TestEvents.sourceOfAuthority(
                TestEvents.metadata(GROUP_ID, "corr", AT, Initiator.user("u1", "u1@corp.example.test", "U1")),
                GROUP_ID, "Engineering", true));

        JsonNode json = AuditJson.tree(AuditJson.write(entry));

        assertThat(json.propertyNames()).containsExactly("id", "category", "correlationId", "result", "resultReason",
                "activityDisplayName", "activityDateTime", "loggedByService", "operationType", "initiatedBy",
                "targetResources", "additionalDetails");
        assertThat(json.get("activityDateTime").asString()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(json.get("initiatedBy").get("app").isNull()).isTrue();
        assertThat(json.get("initiatedBy").get("user").get("userPrincipalName").asString())
                .isEqualTo("u1@corp.example.test");
        assertThat(json.get("targetResources").get(0).get("modifiedProperties").get(0).get("newValue").asString())
                .isEqualTo("true");
        assertThat(json.get("additionalDetails").get(0).get("key").asString()).isEqualTo("onPremisesAnchor");
    }

    @Test
    void hasAnActivityForEveryEventType() {
        // notifications are messages to people about request events (which are audited), on a topic audit does not read
        long eventTypes = MessageTypes.all().values().stream().filter(IntegrationEvent.class::isAssignableFrom)
                .filter(type -> type != NotificationIssued.class).count();

        assertThat(mapper.auditedTypes()).hasSize((int) eventTypes);
    }

    @Test
    void refusesMessagesThatAreNotAuditableEvents() {
        var command = new ChangeSourceOfAuthority(new CommandMetadata(UUID.randomUUID(), AT, "corr"), GROUP_ID, true);

        assertThatThrownBy(() -> mapper.toEntries(command, GroupLookup.NONE)).isInstanceOf(NotAuditableException.class)
                .hasMessageContaining("directory.ChangeSourceOfAuthority");
        assertThatThrownBy(() -> mapper.toEntries(null, GroupLookup.NONE)).isInstanceOf(NotAuditableException.class);
    }

    private DirectoryAudit entry(ContractMessage event) {
        return single(mapper.toEntries(event, GroupLookup.NONE));
    }

    private static DirectoryAudit single(List<DirectoryAudit> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static void assertCommonFields(DirectoryAudit entry, EventMetadata metadata, String activity,
                                           String category, String service, String operationType) {
        assertThat(entry.id()).isEqualTo(metadata.eventId().toString());
        assertFieldsOfEvent(entry, metadata, activity, category, service, operationType);
    }

    /** The fields an entry takes from its event; the id of a per-member entry is not the event id. */
    private static void assertFieldsOfEvent(DirectoryAudit entry, EventMetadata metadata, String activity,
                                            String category, String service, String operationType) {
        assertThat(entry.activityDisplayName()).isEqualTo(activity);
        assertThat(entry.category()).isEqualTo(category);
        assertThat(entry.loggedByService()).isEqualTo(service);
        assertThat(entry.operationType()).isEqualTo(operationType);
        assertThat(entry.activityDateTime()).isEqualTo(metadata.occurredAt());
        assertThat(entry.correlationId()).isEqualTo(metadata.correlationId());
        assertThat(entry.result()).isIn("success", "failure");
    }
}
