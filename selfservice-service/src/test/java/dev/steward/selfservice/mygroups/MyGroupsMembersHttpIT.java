package dev.steward.selfservice.mygroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.contracts.event.DirectoryObjectRef;
import dev.steward.contracts.CloudEventHeaders;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestServiceTokens;
import dev.steward.selfservice.support.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An owner's member management of their own groups: list, add and remove members over HTTP. */
class MyGroupsMembersHttpIT extends SelfServiceTestBase {

    private static final String DUPLICATE = "One or more added object references already exist for the following "
            + "modified properties: 'members'.";
    private static final String DEFAULT_SETTINGS =
            "{\"ownersCanManageRequests\":true,\"restrictGroupsAccess\":false,\"restrictSecurityGroups\":false}";

    private final TestUser alice = TestUser.named("alice");
    private final TestUser admin = TestUser.named("admin");

    @Test
    void anOwnerListsTheDirectMembersWithTheirTypesPageByPage() {
        TestUser carol = given(TestUser.named("carol"));
        TestUser dave = given(TestUser.named("dave"));
        GroupFixture nested = given(GroupFixture.cloudSecurityGroup().named("Nested team"));
        String device = UUID.randomUUID().toString();
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id())
                .withMembers(carol.id(), dave.id(), nested.id(), device));

        Response first = http.get(members(group) + "?$top=3", alice.token());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("value")).hasSize(3);
        String nextLink = first.text("@odata.nextLink");
        assertThat(nextLink).contains("$skiptoken=").contains("$top=3");
        Response second = http.get(nextLink, alice.token());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("value")).hasSize(1);
        assertThat(second.text("@odata.nextLink")).isNull();
        Map<String, JsonNode> byId = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (Response page : List.of(first, second)) {
            page.json().get("value").forEach(member -> {
                byId.put(member.get("id").asString(), member);
                order.add(member.get("id").asString());
            });
        }
        assertThat(order).as("in id order, each once").containsExactlyElementsOf(
                List.of(carol.id(), dave.id(), nested.id(), device).stream().sorted().toList());
        assertThat(byId.get(carol.id()).get("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
        assertThat(byId.get(carol.id()).get("userPrincipalName").asString()).isEqualTo(carol.userPrincipalName());
        assertThat(byId.get(carol.id()).get("displayName").asString())
                .isEqualTo(carol.userPrincipalName().substring(0, carol.userPrincipalName().indexOf('@')));
        assertThat(byId.get(nested.id()).get("@odata.type").asString()).isEqualTo("#microsoft.graph.group");
        assertThat(byId.get(nested.id()).get("displayName").asString()).isEqualTo("Nested team");
        assertThat(byId.get(nested.id()).has("userPrincipalName")).isFalse();
        assertThat(byId.get(device).get("@odata.type").asString()).as("an object the directory did not announce")
                .isEqualTo("#microsoft.graph.directoryObject");
        assertThat(http.get(members(group), adminToken()).json().get("value")).as("administrators see everything")
                .hasSize(4);
    }

    @Test
    void onlyOwnersAndAdministratorsSeeTheMembersAndUnknownOrUnmanageableGroupsAreNotFound() {
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(UUID.randomUUID()
                .toString()));
        GroupFixture dynamic = given(GroupFixture.dynamicSecurityGroup().ownedBy(alice.id()));
        GroupFixture synced = given(GroupFixture.adMasteredSecurityGroup().ownedBy(alice.id()));
        TestUser member = TestUser.named("member");

        assertThat(http.get(members(group), TestUser.named("bob").token()).status()).as("not an owner")
                .isEqualTo(403);
        assertThat(http.get(members(group), member.token()).status()).isEqualTo(403);
        assertThat(http.get(members(group), null).status()).isEqualTo(401);
        assertThat(http.get(members(group), TestTokens.app(UUID.randomUUID().toString(), Permissions.GROUP_READ_ALL))
                .status()).as("an application").isEqualTo(403);
        assertThat(http.get("/mygroups/groups/" + UUID.randomUUID() + "/members", alice.token()).status())
                .isEqualTo(404);
        assertThat(http.get(members(dynamic), alice.token()).status()).as("dynamic").isEqualTo(404);
        assertThat(http.get(members(synced), alice.token()).status()).as("AD-mastered").isEqualTo(404);
        Response unknownOption = http.get(members(group) + "?$filter=startswith(displayName,'a')", alice.token());
        assertThat(unknownOption.status()).isEqualTo(400);
        assertThat(unknownOption.errorMessage()).contains("$filter");
        assertThat(http.get(members(group) + "?$skiptoken=forged", alice.token()).status()).isEqualTo(400);
        assertThat(http.get(members(group) + "?$top=0", alice.token()).status()).isEqualTo(400);
    }

    @Test
    void anOwnerAddsAUserAtOnceWithAddMembersUnderTheServiceToken() {
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).joining(JoinPolicy.CLOSED));

        Response added = http.post(members(group), alice.token(), "{\"memberId\":\"" + carol.id() + "\"}",
                "add-carol-" + group.id());

        assertThat(added.status()).isEqualTo(202);
        assertThat(added.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(added.text("commandType")).isEqualTo("AddMembers");
        assertThat(added.text("status")).isEqualTo("Queued");
        assertThat(added.text("memberId")).isEqualTo(carol.id());
        ConsumerRecord<String, ContractMessage> sent = awaitCommand(AddMembers.class, group.id());
        AddMembers add = (AddMembers) sent.value();
        assertThat(add.groupId()).isEqualTo(group.id());
        assertThat(add.memberIds()).containsExactly(carol.id());
        assertThat(add.metadata().commandId().toString()).isEqualTo(added.text("commandId"));
        assertThat(add.metadata().correlationId()).isEqualTo("add-carol-" + group.id());
        assertThat(header(sent, CloudEventHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + TestServiceTokens.SELFSERVICE_TOKEN);
        assertThat(jdbc.queryForObject("SELECT initiator_id FROM directory_command WHERE command_id = ?",
                String.class, added.text("commandId"))).isEqualTo(alice.id());

        Response again = http.post(members(group), alice.token(), "{\"memberId\":\"" + carol.id() + "\"}");
        assertThat(again.status()).as("the add is under way").isEqualTo(400);
        assertThat(again.errorMessage()).isEqualTo(DUPLICATE);

        kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(new CommandResult.ContractCommandRef(
                add.metadata().commandId(), "directory.AddMembers", add.metadata().correlationId(), group.id()),
                Instant.now()));
        publishAndAwaitConsumed(DirectoryEvents.membersAdded(group, DirectoryEvents.T0.plusSeconds(60),
                DirectoryObjectRef.user(carol.id())));
        await().atMost(TIMEOUT).until(() -> "Succeeded".equals(jdbc.queryForObject(
                "SELECT status FROM directory_command WHERE command_id = ?", String.class, added.text("commandId"))));

        Response member = http.post(members(group), alice.token(), "{\"memberId\":\"" + carol.id() + "\"}");
        assertThat(member.status()).as("a member already").isEqualTo(400);
        assertThat(member.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(member.errorMessage()).isEqualTo(DUPLICATE);
        assertThat(ids(http.get(members(group), alice.token()))).containsExactly(carol.id());
        assertThat(commandsFor(group)).isEqualTo(1);
    }

    @Test
    void anOwnerRemovesAMemberAtOnceWithRemoveMembers() {
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture group = given(GroupFixture.microsoft365Group().ownedBy(alice.id()).withMembers(carol.id()));

        Response removed = http.delete(members(group) + "/" + carol.id(), alice.token());

        assertThat(removed.status()).isEqualTo(202);
        assertThat(removed.text("commandType")).isEqualTo("RemoveMembers");
        ConsumerRecord<String, ContractMessage> sent = awaitCommand(RemoveMembers.class, group.id());
        RemoveMembers remove = (RemoveMembers) sent.value();
        assertThat(remove.memberIds()).containsExactly(carol.id());
        assertThat(remove.metadata().commandId().toString()).isEqualTo(removed.text("commandId"));
        assertThat(header(sent, CloudEventHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + TestServiceTokens.SELFSERVICE_TOKEN);
    }

    @Test
    void aGroupAdministratorAddsAndRemovesMembersOfAnyGroup() {
        TestUser carol = given(TestUser.named("carol"));
        TestUser dave = given(TestUser.named("dave"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(dave.id()));

        assertThat(http.post(members(group), adminToken(), "{\"memberId\":\"" + carol.id() + "\"}").status())
                .isEqualTo(202);
        assertThat(http.delete(members(group) + "/" + dave.id(), adminToken()).status()).isEqualTo(202);

        assertThat(((AddMembers) awaitCommand(AddMembers.class, group.id()).value()).memberIds())
                .containsExactly(carol.id());
        assertThat(((RemoveMembers) awaitCommand(RemoveMembers.class, group.id()).value()).memberIds())
                .containsExactly(dave.id());
    }

    @Test
    void addingIsRefusedToOthersForUnmanageableGroupsUnknownUsersAndBadInputAndQueuesNothing() {
        TestUser carol = given(TestUser.named("carol"));
        TestUser bob = given(TestUser.named("bob"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id(), bob.id())
                .withMembers(bob.id()));
        String body = "{\"memberId\":\"" + carol.id() + "\"}";

        assertThat(http.post(members(group), TestUser.named("mallory").token(), body).status()).as("not an owner")
                .isEqualTo(403);
        assertThat(http.post(members(group), null, body).status()).isEqualTo(401);
        assertThat(http.post(members(group), alice.token(List.of(Permissions.GROUP_READ_ALL)), body).status())
                .as("no write scope").isEqualTo(403);
        assertThat(http.post(members(group), TestTokens.app(UUID.randomUUID().toString(),
                Permissions.GROUP_MEMBER_READWRITE_ALL), body).status()).as("an application").isEqualTo(403);
        assertThat(http.post("/mygroups/groups/" + UUID.randomUUID() + "/members", alice.token(), body).status())
                .isEqualTo(404);
        Response unknownUser = http.post(members(group), alice.token(),
                "{\"memberId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.errorCode()).isEqualTo("Request_ResourceNotFound");
        Response duplicate = http.post(members(group), alice.token(), "{\"memberId\":\"" + bob.id() + "\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorMessage()).isEqualTo(DUPLICATE);
        assertThat(http.post(members(group), alice.token(), "{}").status()).as("no memberId").isEqualTo(400);
        assertThat(http.post(members(group), alice.token(), "{\"memberId\":\"" + carol.id()
                + "\",\"roles\":[\"owner\"]}").status()).as("unknown property").isEqualTo(400);
        assertThat(http.post(members(group), alice.token(), "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/"
                + "directoryObjects/" + carol.id() + "\"}").status()).as("one body shape only").isEqualTo(400);
        assertThat(http.post(members(group) + "?$expand=members", alice.token(), body).status())
                .as("unknown query option").isEqualTo(400);
        assertThat(commandsFor(group)).isZero();

        for (GroupFixture unmanageable : List.of(GroupFixture.dynamicSecurityGroup(),
                GroupFixture.mailEnabledSecurityGroup(), GroupFixture.distributionGroup(),
                GroupFixture.adMasteredSecurityGroup())) {
            given(unmanageable.ownedBy(alice.id()));
            Response refused = http.post(members(unmanageable), alice.token(), body);
            assertThat(refused.status()).as(unmanageable.displayName()).isEqualTo(400);
            assertThat(refused.errorMessage()).contains(unmanageable.displayName());
            assertThat(commandsFor(unmanageable)).isZero();
        }
    }

    @Test
    void removingIsRefusedToOthersForNonMembersAndUnmanageableGroups() {
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(carol.id()));
        GroupFixture dynamic = given(GroupFixture.dynamicSecurityGroup().ownedBy(alice.id())
                .withMembers(carol.id()));

        assertThat(http.delete(members(group) + "/" + carol.id(), TestUser.named("bob").token()).status())
                .as("not an owner").isEqualTo(403);
        assertThat(http.delete(members(group) + "/" + carol.id(), carol.token()).status())
                .as("a member is no owner (leaving is /leave)").isEqualTo(403);
        assertThat(http.delete(members(group) + "/" + carol.id(), null).status()).isEqualTo(401);
        Response notMember = http.delete(members(group) + "/" + UUID.randomUUID(), alice.token());
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.errorCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(http.delete("/mygroups/groups/" + UUID.randomUUID() + "/members/" + carol.id(), alice.token())
                .status()).isEqualTo(404);
        assertThat(http.delete(members(dynamic) + "/" + carol.id(), alice.token()).status()).isEqualTo(400);
        assertThat(http.delete(members(group) + "/" + carol.id() + "?force=true", alice.token()).status())
                .as("unknown query option").isEqualTo(400);
        assertThat(commandsFor(group)).isZero();
        assertThat(commandsFor(dynamic)).isZero();
    }

    @Test
    void tenantRestrictionsApplyToMemberManagementButNotToAdministrators() {
        TestUser carol = given(TestUser.named("carol"));
        GroupFixture security = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        String body = "{\"memberId\":\"" + carol.id() + "\"}";
        try {
            assertThat(http.patch("/mygroups/settings", adminToken(), "{\"restrictSecurityGroups\":true}").status())
                    .isEqualTo(200);
            assertThat(http.get(members(security), alice.token()).status()).as("hidden security group")
                    .isEqualTo(404);
            assertThat(http.post(members(security), alice.token(), body).status()).isEqualTo(404);
            assertThat(http.get(members(security), adminToken()).status()).isEqualTo(200);

            http.patch("/mygroups/settings", adminToken(), DEFAULT_SETTINGS.replace(
                    "\"restrictGroupsAccess\":false", "\"restrictGroupsAccess\":true"));
            assertThat(http.get(members(security), alice.token()).status()).as("My Groups for admins only")
                    .isEqualTo(403);
            assertThat(http.post(members(security), alice.token(), body).status()).isEqualTo(403);
            assertThat(commandsFor(security)).isZero();

            http.patch("/mygroups/settings", adminToken(), DEFAULT_SETTINGS.replace(
                    "\"ownersCanManageRequests\":true", "\"ownersCanManageRequests\":false"));
            assertThat(http.post(members(security), alice.token(), body).status())
                    .as("the requests setting governs requests, not an owner's own member management")
                    .isEqualTo(202);
        } finally {
            assertThat(http.patch("/mygroups/settings", adminToken(), DEFAULT_SETTINGS).status()).isEqualTo(200);
        }
    }

    private String adminToken() {
        return admin.token(List.of(Permissions.GROUP_READWRITE_ALL), DirectoryRoles.GROUPS_ADMINISTRATOR);
    }

    private static String members(GroupFixture group) {
        return "/mygroups/groups/" + group.id() + "/members";
    }

    private Integer commandsFor(GroupFixture group) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directory_command WHERE group_id = ?", Integer.class,
                group.id());
    }

    private static List<String> ids(Response collection) {
        assertThat(collection.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        collection.json().get("value").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
