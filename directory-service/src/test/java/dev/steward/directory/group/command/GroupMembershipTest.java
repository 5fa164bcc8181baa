package dev.steward.directory.group.command;

import static dev.steward.directory.group.command.GroupSamples.ALICE_ID;
import static dev.steward.directory.group.command.GroupSamples.BOB_ID;
import static dev.steward.directory.group.command.GroupSamples.CLOUD_GROUP_ID;
import static dev.steward.directory.group.command.GroupSamples.ENGINEERING_ANCHOR;
import static dev.steward.directory.group.command.GroupSamples.ENGINEERING_ID;
import static dev.steward.directory.group.command.GroupSamples.NOW;
import static dev.steward.directory.group.command.GroupSamples.SYNCED_AT;

import dev.steward.directory.common.DirectoryError;
import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.group.api.ChangeMembers;
import dev.steward.directory.group.api.ChangeMembers.Change;
import dev.steward.directory.group.api.ChangeMembers.Relation;
import dev.steward.directory.group.api.CreateGroup;
import dev.steward.directory.group.api.DeleteGroup;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.api.OwnersAdded;
import dev.steward.directory.group.api.OwnersRemoved;
import dev.steward.directory.group.api.RemoveDeletedUser;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.group.api.SyncMembershipFromOnPremises;
import dev.steward.directory.group.api.UpdateGroup;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members and owners as their own events, with Graph's rules (DOMAIN.md sections 1 and 6), one rule per test. */
class GroupMembershipTest {

    private static final String LEADS_ID = "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String UNKNOWN_ID = "99999999-9999-4999-8999-999999999999";

    private FixtureConfiguration<Group> fixture;
    private final InMemoryDirectoryObjects directory = new InMemoryDirectoryObjects()
            .user(ALICE_ID, BOB_ID).group(CLOUD_GROUP_ID, ENGINEERING_ID, LEADS_ID);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(directory);
        fixture.registerCommandHandlerInterceptor(new DirectoryErrorInterceptor());
    }

    @Test
    void addsUserAndGroupMembersToCloudGroup() {
        fixture.given(cloudGroupCreated())
                .when(add(Relation.MEMBERS, BOB_ID, LEADS_ID))
                .expectEvents(new MembersAdded(CLOUD_GROUP_ID,
                        List.of(new MemberRef(BOB_ID, ObjectType.USER), new MemberRef(LEADS_ID, ObjectType.GROUP)),
                        false));
    }

    @Test
    void refusesToAddAnExistingMemberWithGraphsMessage() {
        fixture.given(cloudGroupCreated(), bobIsMember())
                .when(add(Relation.MEMBERS, BOB_ID))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("One or more added object references already exist for the following modified "
                        + "properties: 'members'.")
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownMemberAsNotFound() {
        fixture.given(cloudGroupCreated())
                .when(add(Relation.MEMBERS, BOB_ID, UNKNOWN_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.OBJECT_NOT_FOUND, UNKNOWN_ID))
                .expectNoEvents();
    }

    @Test
    void refusesAGroupAsItsOwnMember() {
        fixture.given(cloudGroupCreated())
                .when(add(Relation.MEMBERS, CLOUD_GROUP_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.MEMBERSHIP_CYCLE));
    }

    @Test
    void refusesAMembershipThatWouldMakeACycle() {
        directory.nest(LEADS_ID, ENGINEERING_ID).nest(ENGINEERING_ID, CLOUD_GROUP_ID);
        fixture.given(cloudGroupCreated())
                .when(add(Relation.MEMBERS, LEADS_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.MEMBERSHIP_CYCLE))
                .expectNoEvents();
    }

    @Test
    void refusesMemberWritesToADynamicGroup() {
        GroupState cloud = GroupSamples.cloudGroup();
        GroupState dynamic = new GroupState(cloud.id(), cloud.displayName(), null, cloud.mailNickname(), null, false,
                true, List.of("DynamicMembership"), null, NOW, null, false, null, null, null, null, null, null, null,
                cloud.securityIdentifier(), ExtensionAttributes.NONE);
        fixture.given(new GroupCreated(dynamic, false))
                .when(add(Relation.MEMBERS, BOB_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.DYNAMIC_MEMBERSHIP));
    }

    @Test
    void refusesCloudMemberWritesToAnAdMasteredGroup() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new ChangeMembers(ENGINEERING_ID, Relation.MEMBERS, Change.ADD, List.of(BOB_ID)))
                .expectExceptionDetails(error(DirectoryErrorCode.ON_PREMISES_MASTERED));
    }

    @Test
    void acceptsCloudMemberWritesAfterTheSwitchToCloud() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true),
                        new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true, null,
                        ExtensionAttributes.NONE))
                .when(new ChangeMembers(ENGINEERING_ID, Relation.MEMBERS, Change.ADD, List.of(BOB_ID)))
                .expectEvents(new MembersAdded(ENGINEERING_ID, List.of(new MemberRef(BOB_ID, ObjectType.USER)), false));
    }

    @Test
    void removesAMemberAndAnswersNotFoundForOneThatIsNotThere() {
        fixture.given(cloudGroupCreated(), bobIsMember())
                .when(new ChangeMembers(CLOUD_GROUP_ID, Relation.MEMBERS, Change.REMOVE, List.of(BOB_ID)))
                .expectEvents(new MembersRemoved(CLOUD_GROUP_ID, List.of(new MemberRef(BOB_ID, ObjectType.USER)),
                        false));
        fixture.given(cloudGroupCreated())
                .when(new ChangeMembers(CLOUD_GROUP_ID, Relation.MEMBERS, Change.REMOVE, List.of(BOB_ID)))
                .expectExceptionDetails(error(DirectoryErrorCode.OBJECT_NOT_FOUND, BOB_ID));
    }

    @Test
    void addsOwnersAndRefusesAGroupAsOwner() {
        fixture.given(cloudGroupCreated())
                .when(add(Relation.OWNERS, ALICE_ID))
                .expectEvents(new OwnersAdded(CLOUD_GROUP_ID, List.of(ALICE_ID), false));
        fixture.given(cloudGroupCreated())
                .when(add(Relation.OWNERS, LEADS_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.OWNER_NOT_A_USER, LEADS_ID));
    }

    @Test
    void refusesAnExistingOwnerWithGraphsMessage() {
        fixture.given(cloudGroupCreated(), new OwnersAdded(CLOUD_GROUP_ID, List.of(ALICE_ID), false))
                .when(add(Relation.OWNERS, ALICE_ID))
                .expectExceptionMessage("One or more added object references already exist for the following modified "
                        + "properties: 'owners'.");
    }

    @Test
    void refusesTheHundredAndFirstOwner() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i))
                .toList();
        directory.user(hundred.toArray(String[]::new));
        fixture.given(cloudGroupCreated(), new OwnersAdded(CLOUD_GROUP_ID, hundred, false))
                .when(add(Relation.OWNERS, ALICE_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.TOO_MANY_OWNERS, 100));
    }

    @Test
    void keepsTheLastOwnerOfAMicrosoft365Group() {
        GroupState cloud = GroupSamples.cloudGroup();
        GroupState team = new GroupState(cloud.id(), "Team", null, "team", "team@corp.example.test", true, false,
                List.of("Unified"), "Private", NOW, null, false, null, null, null, null, null, null, null,
                cloud.securityIdentifier(), ExtensionAttributes.NONE);
        fixture.given(new GroupCreated(team, false), new OwnersAdded(CLOUD_GROUP_ID, List.of(ALICE_ID), false))
                .when(new ChangeMembers(CLOUD_GROUP_ID, Relation.OWNERS, Change.REMOVE, List.of(ALICE_ID)))
                .expectExceptionDetails(error(DirectoryErrorCode.LAST_OWNER));
    }

    @Test
    void keepsTheLastOwnerOfASecurityGroup() {
        fixture.given(cloudGroupCreated(), new OwnersAdded(CLOUD_GROUP_ID, List.of(ALICE_ID, BOB_ID), false))
                .when(new ChangeMembers(CLOUD_GROUP_ID, Relation.OWNERS, Change.REMOVE, List.of(ALICE_ID, BOB_ID)))
                .expectExceptionDetails(error(DirectoryErrorCode.LAST_OWNER))
                .expectNoEvents();
    }

    @Test
    void removesAnOwnerWhileAnotherStays() {
        fixture.given(cloudGroupCreated(), new OwnersAdded(CLOUD_GROUP_ID, List.of(ALICE_ID, BOB_ID), false))
                .when(new ChangeMembers(CLOUD_GROUP_ID, Relation.OWNERS, Change.REMOVE, List.of(ALICE_ID)))
                .expectEvents(new OwnersRemoved(CLOUD_GROUP_ID, List.of(ALICE_ID), false));
    }

    @Test
    void syncRemovesTheLastOwnerAdNoLongerNames() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true),
                        new OwnersAdded(ENGINEERING_ID, List.of(ALICE_ID), true))
                .when(new SyncMembershipFromOnPremises(ENGINEERING_ID, ENGINEERING_ANCHOR, List.of(), List.of(),
                        List.of(), List.of(ALICE_ID), SYNCED_AT))
                .expectEvents(new OwnersRemoved(ENGINEERING_ID, List.of(ALICE_ID), true));
    }

    @Test
    void deletedUserLeavesAsMemberAndAsLastOwnerOfAMicrosoft365Group() {
        GroupState cloud = GroupSamples.cloudGroup();
        GroupState team = new GroupState(cloud.id(), "Team", null, "team", "team@corp.example.test", true, false,
                List.of("Unified"), "Private", NOW, null, false, null, null, null, null, null, null, null,
                cloud.securityIdentifier(), ExtensionAttributes.NONE);
        fixture.given(new GroupCreated(team, false), new OwnersAdded(CLOUD_GROUP_ID, List.of(BOB_ID), false),
                        bobIsMember())
                .when(new RemoveDeletedUser(CLOUD_GROUP_ID, BOB_ID))
                .expectEvents(new OwnersRemoved(CLOUD_GROUP_ID, List.of(BOB_ID), false),
                        new MembersRemoved(CLOUD_GROUP_ID, List.of(new MemberRef(BOB_ID, ObjectType.USER)), false));
    }

    @Test
    void deletedUserThatIsNeitherMemberNorOwnerChangesNothing() {
        fixture.given(cloudGroupCreated())
                .when(new RemoveDeletedUser(CLOUD_GROUP_ID, BOB_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void createsAGroupWithTheOwnersAndMembersBoundAtCreation() {
        CreateGroup create = GroupSamples.createCloudGroup();
        fixture.givenNoPriorActivity()
                .when(new CreateGroup(create.groupId(), create.displayName(), create.description(),
                        create.mailNickname(), null, false, true, List.of(), null, List.of(ALICE_ID),
                        List.of(BOB_ID, LEADS_ID)))
                .expectEvents(cloudGroupCreated(), new OwnersAdded(CLOUD_GROUP_ID, List.of(ALICE_ID), false),
                        new MembersAdded(CLOUD_GROUP_ID, List.of(new MemberRef(BOB_ID, ObjectType.USER),
                                new MemberRef(LEADS_ID, ObjectType.GROUP)), false));
    }

    @Test
    void refusesMoreThanTwentyBoundMembersAtOnce() {
        List<String> many = IntStream.range(0, 21).mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i))
                .toList();
        fixture.given(cloudGroupCreated())
                .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of(), null, null, null, null, many))
                .expectExceptionDetails(error(DirectoryErrorCode.TOO_MANY_REFERENCES, 20));
    }

    @Test
    void addsBoundMembersAllOrNothingInAnUpdate() {
        fixture.given(cloudGroupCreated(), bobIsMember())
                .when(new UpdateGroup(CLOUD_GROUP_ID, Set.of(), null, null, null, null, List.of(ALICE_ID, BOB_ID)))
                .expectException(CommandExecutionException.class)
                .expectNoEvents();
    }

    @Test
    void appliesSyncDifferencesIdempotently() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true),
                        new MembersAdded(ENGINEERING_ID, List.of(new MemberRef(BOB_ID, ObjectType.USER)), true))
                .when(new SyncMembershipFromOnPremises(ENGINEERING_ID, ENGINEERING_ANCHOR, List.of(BOB_ID, ALICE_ID),
                        List.of(LEADS_ID), List.of(ALICE_ID), List.of(), SYNCED_AT))
                .expectEvents(new OwnersAdded(ENGINEERING_ID, List.of(ALICE_ID), true),
                        new MembersAdded(ENGINEERING_ID, List.of(new MemberRef(ALICE_ID, ObjectType.USER)), true));
    }

    @Test
    void refusesSyncedMembershipOfAGroupWhoseSourceOfAuthorityIsInTheCloud() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true),
                        new SourceOfAuthoritySwitched(ENGINEERING_ID, "Engineering", ENGINEERING_ANCHOR, true, null,
                        ExtensionAttributes.NONE))
                .when(new SyncMembershipFromOnPremises(ENGINEERING_ID, ENGINEERING_ANCHOR, List.of(BOB_ID),
                        List.of(), List.of(), List.of(), SYNCED_AT))
                .expectExceptionDetails(error(DirectoryErrorCode.SOURCE_OF_AUTHORITY_IN_CLOUD));
    }

    @Test
    void refusesASyncedChunkWithAnUnknownMemberWhole() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new SyncMembershipFromOnPremises(ENGINEERING_ID, ENGINEERING_ANCHOR,
                        List.of(BOB_ID, UNKNOWN_ID), List.of(), List.of(), List.of(), SYNCED_AT))
                .expectExceptionDetails(error(DirectoryErrorCode.OBJECT_NOT_FOUND, UNKNOWN_ID))
                .expectNoEvents();
    }

    @Test
    void deletesACloudGroupAndAnswersNotFoundAfterwards() {
        fixture.given(cloudGroupCreated())
                .when(new DeleteGroup(CLOUD_GROUP_ID))
                .expectEvents(new GroupDeleted(CLOUD_GROUP_ID, "Project X", null));
        fixture.given(cloudGroupCreated(), new GroupDeleted(CLOUD_GROUP_ID, "Project X", null))
                .when(add(Relation.MEMBERS, BOB_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.OBJECT_NOT_FOUND, CLOUD_GROUP_ID));
    }

    @Test
    void refusesToDeleteAnAdMasteredGroup() {
        fixture.given(new GroupCreated(GroupSamples.engineering(), true))
                .when(new DeleteGroup(ENGINEERING_ID))
                .expectExceptionDetails(error(DirectoryErrorCode.ON_PREMISES_MASTERED));
    }

    private static GroupCreated cloudGroupCreated() {
        return new GroupCreated(GroupSamples.cloudGroup(), false);
    }

    private static MembersAdded bobIsMember() {
        return new MembersAdded(CLOUD_GROUP_ID, List.of(new MemberRef(BOB_ID, ObjectType.USER)), false);
    }

    private static ChangeMembers add(Relation relation, String... ids) {
        return new ChangeMembers(CLOUD_GROUP_ID, relation, Change.ADD, List.of(ids));
    }

    private static DirectoryError error(DirectoryErrorCode code, Object... arguments) {
        return new DirectoryError(code, code.message(arguments));
    }
}
