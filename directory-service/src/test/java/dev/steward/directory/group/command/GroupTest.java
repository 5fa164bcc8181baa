package dev.steward.directory.group.command;

import static dev.steward.directory.group.command.GroupSamples.CLOUD_GROUP_ID;
import static dev.steward.directory.group.command.GroupSamples.ENGINEERING_ANCHOR;
import static dev.steward.directory.group.command.GroupSamples.ENGINEERING_ID;
import static dev.steward.directory.group.command.GroupSamples.MARKETING_ID;
import static dev.steward.directory.group.command.GroupSamples.NOW;
import static dev.steward.directory.group.command.GroupSamples.SYNCED_AT;

import dev.steward.directory.common.DirectoryError;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.CreateGroupFromOnPremises;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.PropertyChange;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.group.api.SyncGroupFromOnPremises;
import dev.steward.directory.group.api.UpdateGroup;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Source of Authority state machine and the cloud write rules of DOMAIN.md section 2, one rule per test. */
class GroupTest {

    private static final Instant NEXT_SYNC = SYNCED_AT.plusSeconds(1800);

    private FixtureConfiguration<Group> fixture;
    private final InMemoryDirectoryObjects directory = new InMemoryDirectoryObjects();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(directory);
        fixture.registerCommandHandlerInterceptor(new DirectoryErrorInterceptor());
    }

    // created by the sync engine or in the cloud

    @Test
    void createsAdMasteredGroupOnFirstSync() {
        fixture.givenNoPriorActivity()
                .when(GroupSamples.syncEngineering())
                .expectEvents(new GroupCreated(GroupSamples.engineering(), true));
    }

    @Test
    void createsAGroupTheIntakeKnowsIsNewWithoutLookingForItsEvents() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupFromOnPremises(ENGINEERING_ID, GroupSamples.syncEngineering()))
                .expectEvents(new GroupCreated(GroupSamples.engineering(), true));
    }

    @Test
    void createsCloudGroupThatNoSyncMasters() {
        fixture.givenNoPriorActivity()
                .when(GroupSamples.createCloudGroup())
                .expectEvents(new GroupCreated(GroupSamples.cloudGroup(), false));
    }

    @Test
    void refusesToCreateDistributionGroupInTheCloud() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroup(CLOUD_GROUP_ID, "Sales", null, "sales", "sales@corp.example.test", true, false,
                        List.of(), null, List.of(), List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.UNSUPPORTED_GROUP_KIND));
    }

    // cloud writes

    @Test
    void rejectsCloudWriteToSyncedGroup() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(rename(ENGINEERING_ID, "Engineering Team"))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Unable to update the specified properties for on-premises mastered Directory "
                        + "Sync objects or objects currently undergoing migration.")
                .expectExceptionDetails(error(DirectoryErrorCode.ON_PREMISES_MASTERED))
                .expectNoEvents();
    }

    @Test
    void acceptsCloudWriteToCloudCreatedGroup() {
        GroupState renamed = GroupSamples.cloudGroup().withCloudEdits("Project Y", "Cloud-only project team",
                "projectx", null);
        fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                .when(rename(CLOUD_GROUP_ID, "Project Y"))
                .expectEvents(new GroupUpdated(renamed,
                        List.of(new PropertyChange("displayName", "\"Project X\"", "\"Project Y\"")), false));
    }

    @Test
    void rejectsReadOnlyPropertyInCloudWrite() {
        fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of("displayName", "onPremisesSyncEnabled"), "Project Y",
                        null, null, null, List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Property 'onPremisesSyncEnabled' is read-only and cannot be set.")
                .expectNoEvents();
    }

    @Test
    void rejectsReadOnlyPropertyBeforeAskingWhoMastersTheGroup() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new UpdateGroup(ENGINEERING_ID, Set.of("mail"), null, null, null, null, List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.READ_ONLY_PROPERTY, "mail"));
    }

    @Test
    void rejectsPropertyThatCloudWritesCannotSet() {
        fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of("securityEnabled"), null, null, null, null, List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.UNSUPPORTED_PROPERTY, "securityEnabled"));
    }

    @Test
    void rejectsInvalidMailNickname() {
        for (String nickname : List.of("has space", "a@b", "dot.ted", "x".repeat(65), "", "caf\u00e9")) {
            fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                    .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of("mailNickname"), null, null, nickname, null, List.of()))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionMessage("Invalid value specified for property 'mailNickname' of resource 'Group'.");
        }
    }

    @Test
    void rejectsBlankDisplayName() {
        fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of("displayName"), " ", null, null, null, List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.INVALID_PROPERTY_VALUE, "displayName"));
    }

    @Test
    void cloudWriteWithUnchangedValuesChangesNothing() {
        fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                .when(rename(CLOUD_GROUP_ID, "Project X"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // switching the Source of Authority

    @Test
    void switchToCloudClearsOnPremisesSyncEnabled() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new SwitchSourceOfAuthority(ENGINEERING_ID, true))
                .expectEvents(new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true,
                        null, ExtensionAttributes.NONE));
    }

    @Test
    void acceptsCloudWriteAfterSwitchToCloud() {
        GroupState switched = GroupSamples.engineering().withSourceOfAuthority(true, null);
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud())
                .when(rename(ENGINEERING_ID, "Engineering Team"))
                .expectEvents(new GroupUpdated(switched.withCloudEdits("Engineering Team", "Engineering staff",
                        "Engineering", null), List.of(new PropertyChange("displayName", "\"Engineering\"",
                        "\"Engineering Team\"")), false));
    }

    @Test
    void keepsDistributionGroupReadOnlyAfterSwitchToCloud() {
        fixture.given(new GroupCreated(GroupSamples.marketing(), true),
                        new SourceOfAuthoritySwitched(MARKETING_ID, "Marketing-DL", GroupSamples.MARKETING_ANCHOR, true,
                                null, ExtensionAttributes.NONE))
                .when(rename(MARKETING_ID, "Marketing"))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Cannot Update a mail-enabled security groups and or distribution list.")
                .expectNoEvents();
    }

    @Test
    void keepsMailEnabledSecurityGroupReadOnlyAfterSwitchToCloud() {
        GroupState mailEnabledSecurity = new GroupState(MARKETING_ID, "Finance", null, "finance",
                "finance@corp.example.test", true, true, List.of(), null, NOW, true, false,
                GroupSamples.MARKETING_ANCHOR, null, null, null, null, null, SYNCED_AT, null, ExtensionAttributes.NONE);
        fixture.given(new GroupCreated(mailEnabledSecurity, true),
                        new SourceOfAuthoritySwitched(MARKETING_ID, "Finance", GroupSamples.MARKETING_ANCHOR, true,
                                null, ExtensionAttributes.NONE))
                .when(rename(MARKETING_ID, "Finance Team"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.MAIL_SYSTEM_MANAGED));
    }

    @Test
    void rejectsSourceOfAuthoritySwitchOfCloudCreatedGroup() {
        for (boolean isCloudManaged : List.of(true, false)) {
            fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                    .when(new SwitchSourceOfAuthority(CLOUD_GROUP_ID, isCloudManaged))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(error(DirectoryErrorCode.NOT_SYNCED_FROM_ON_PREMISES))
                    .expectNoEvents();
        }
    }

    @Test
    void rejectsSourceOfAuthoritySwitchOfUnknownGroup() {
        fixture.givenNoPriorActivity()
                .when(new SwitchSourceOfAuthority(ENGINEERING_ID, true))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.OBJECT_NOT_FOUND, ENGINEERING_ID));
    }

    @Test
    void switchingToTheCurrentSourceOfAuthorityChangesNothing() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new SwitchSourceOfAuthority(ENGINEERING_ID, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud())
                .when(new SwitchSourceOfAuthority(ENGINEERING_ID, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // rollback

    @Test
    void rollbackKeepsOnPremisesSyncEnabledNull() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud())
                .when(new SwitchSourceOfAuthority(ENGINEERING_ID, false))
                .expectEvents(new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, false,
                        null, null));
    }

    @Test
    void acceptsCloudWriteAfterRollbackUntilNextSync() {
        GroupState rolledBack = GroupSamples.engineering().withSourceOfAuthority(false, null);
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud(), rolledBack())
                .when(rename(ENGINEERING_ID, "Engineering Team"))
                .expectEvents(new GroupUpdated(rolledBack.withCloudEdits("Engineering Team", "Engineering staff",
                        "Engineering", null), List.of(new PropertyChange("displayName", "\"Engineering\"",
                        "\"Engineering Team\"")), false));
    }

    @Test
    void nextSyncTakesRolledBackGroupOverAndAdValuesWin() {
        GroupState cloudEdited = GroupSamples.engineering().withSourceOfAuthority(true, null)
                .withCloudEdits("Engineering Team", "Engineering staff", "Engineering", null);
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud(),
                        new GroupUpdated(cloudEdited, List.of(), false), rolledBack())
                .when(GroupSamples.syncEngineering("Engineering", NEXT_SYNC))
                .expectEvents(new GroupUpdated(GroupSamples.engineering("Engineering", NEXT_SYNC), List.of(
                        new PropertyChange("displayName", "\"Engineering Team\"", "\"Engineering\""),
                        new PropertyChange("onPremisesSyncEnabled", null, "true")), true));
    }

    @Test
    void rejectsCloudWriteAgainOnceSyncTookGroupOver() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud(), rolledBack(),
                        new GroupUpdated(GroupSamples.engineering("Engineering", NEXT_SYNC), List.of(), true))
                .when(rename(ENGINEERING_ID, "Engineering Team"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.ON_PREMISES_MASTERED));
    }

    // sync writes

    @Test
    void appliesAdChangesToSyncedGroup() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(GroupSamples.syncEngineering("Engineering (AD)", NEXT_SYNC))
                .expectEvents(new GroupUpdated(GroupSamples.engineering("Engineering (AD)", NEXT_SYNC),
                        List.of(new PropertyChange("displayName", "\"Engineering\"", "\"Engineering (AD)\"")), true));
    }

    @Test
    void refusesSyncOfCloudManagedGroup() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true), switchedToCloud())
                .when(GroupSamples.syncEngineering("Engineering (AD)", NEXT_SYNC))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.SOURCE_OF_AUTHORITY_IN_CLOUD))
                .expectNoEvents();
    }

    @Test
    void syncWithIdenticalValuesChangesNothing() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(GroupSamples.syncEngineering("Engineering", NEXT_SYNC))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesSyncWhoseAnchorIsNotTheGroups() {
        SyncGroupFromOnPremises foreign = GroupSamples.syncEngineering();
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new SyncGroupFromOnPremises(foreign.groupId(), GroupSamples.MARKETING_ANCHOR,
                        foreign.displayName(), foreign.description(), foreign.mailNickname(), foreign.mail(),
                        foreign.mailEnabled(), foreign.securityEnabled(), foreign.groupTypes(),
                        foreign.onPremisesSecurityIdentifier(), foreign.onPremisesSamAccountName(),
                        foreign.onPremisesDomainName(), foreign.onPremisesNetBiosName(),
                        foreign.onPremisesDistinguishedName(), ExtensionAttributes.NONE,
                        foreign.syncedAt()))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.ANCHOR_MISMATCH));
    }

    // extension attributes 1-15 (synced groups only)

    @Test
    void keepsExtensionAttributesOfASyncedGroup() {
        ExtensionAttributes munich = GroupSamples.engineeringAttributes("Munich");
        fixture.givenNoPriorActivity()
                .when(GroupSamples.syncEngineering("Engineering", SYNCED_AT, munich))
                .expectEvents(new GroupCreated(GroupSamples.engineering("Engineering", SYNCED_AT, munich), true));
    }

    @Test
    void reportsAChangedExtensionAttributeAsAPropertyChange() {
        ExtensionAttributes munich = GroupSamples.engineeringAttributes("Munich");
        ExtensionAttributes berlin = GroupSamples.engineeringAttributes("Berlin");
        fixture.given(new GroupCreated(GroupSamples.engineering("Engineering", SYNCED_AT, munich), true))
                .when(GroupSamples.syncEngineering("Engineering", NEXT_SYNC, berlin))
                .expectEvents(new GroupUpdated(GroupSamples.engineering("Engineering", NEXT_SYNC, berlin),
                        List.of(new PropertyChange("onPremisesExtensionAttributes", attributesJson("Munich"),
                                attributesJson("Berlin"))), true));
    }

    @Test
    void removesExtensionAttributesWhenTheSourceOfAuthorityMovesToTheCloud() {
        ExtensionAttributes munich = GroupSamples.engineeringAttributes("Munich");
        GroupCreated synced = new GroupCreated(GroupSamples.engineering("Engineering", SYNCED_AT, munich), true);
        fixture.given(synced)
                .when(new SwitchSourceOfAuthority(ENGINEERING_ID, true))
                .expectEvents(new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true,
                        null, munich));

        GroupState withoutAttributes = GroupSamples.engineering().withSourceOfAuthority(true, null);
        fixture.given(synced, new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true,
                        null, munich))
                .when(rename(ENGINEERING_ID, "Engineering Team"))
                .expectEvents(new GroupUpdated(withoutAttributes.withCloudEdits("Engineering Team",
                        "Engineering staff", "Engineering", null), List.of(new PropertyChange("displayName",
                        "\"Engineering\"", "\"Engineering Team\"")), false));
    }

    @Test
    void restoresExtensionAttributesWhenTheSyncTakesTheGroupOverAgain() {
        ExtensionAttributes munich = GroupSamples.engineeringAttributes("Munich");
        fixture.given(new GroupCreated(GroupSamples.engineering("Engineering", SYNCED_AT, munich), true),
                        new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true, null,
                                munich),
                        rolledBack())
                .when(GroupSamples.syncEngineering("Engineering", NEXT_SYNC, munich))
                .expectEvents(new GroupUpdated(GroupSamples.engineering("Engineering", NEXT_SYNC, munich), List.of(
                        new PropertyChange("onPremisesSyncEnabled", null, "true"),
                        new PropertyChange("onPremisesExtensionAttributes", attributesJson(null),
                                attributesJson("Munich"))), true));
    }

    @Test
    void refusesACloudWriteOfExtensionAttributes() {
        fixture.given(new GroupCreated(GroupSamples.engineering("Engineering", SYNCED_AT,
                        GroupSamples.engineeringAttributes("Munich")), true), switchedToCloud())
                .when(new UpdateGroup(ENGINEERING_ID, Set.of("description", "onPremisesExtensionAttributes"), null,
                        "cloud now", null, null, List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("Property 'onPremisesExtensionAttributes' is read-only and cannot be set.")
                .expectExceptionDetails(error(DirectoryErrorCode.READ_ONLY_PROPERTY, "onPremisesExtensionAttributes"))
                .expectNoEvents();
    }

    @Test
    void refusesExtensionAttributesInAWriteToACloudCreatedGroup() {
        fixture.given(new GroupCreated(GroupSamples.cloudGroup(), false))
                .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of("onPremisesExtensionAttributes"), null, null, null, null,
                        List.of()))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(error(DirectoryErrorCode.READ_ONLY_PROPERTY, "onPremisesExtensionAttributes"))
                .expectNoEvents();
    }

    /** JSON text of {@link GroupSamples#engineeringAttributes} at {@code site}; null: the JSON of none set. */
    private static String attributesJson(String site) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 1; i <= 15; i++) {
            String value = site == null ? "null" : i == 1 ? "\"CC-4711\"" : i == 3 ? "\"" + site + "\"" : "null";
            json.append(i == 1 ? "" : ",").append("\"extensionAttribute").append(i).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    private static UpdateGroup rename(String groupId, String displayName) {
        return new UpdateGroup(groupId, Set.of("displayName"), displayName, null, null, null, List.of());
    }

    private static SourceOfAuthoritySwitched switchedToCloud() {
        return new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true, null,
                ExtensionAttributes.NONE);
    }

    private static SourceOfAuthoritySwitched rolledBack() {
        return new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, false, null, null);
    }

    private static DirectoryError error(DirectoryErrorCode code, Object... arguments) {
        return new DirectoryError(code, code.message(arguments));
    }
}
