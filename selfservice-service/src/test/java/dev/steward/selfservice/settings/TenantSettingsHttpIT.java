package dev.steward.selfservice.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RequestMembership;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.TenantSettingsChanged;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class TenantSettingsHttpIT extends SelfServiceTestBase {

    private static final String DEFAULTS =
            "{\"ownersCanManageRequests\":true,\"restrictGroupsAccess\":false,\"restrictSecurityGroups\":false}";

    private final TestUser admin = TestUser.named("admin");

    @AfterEach
    void restoreDefaults() {
        assertThat(http.patch("/mygroups/settings", adminToken(), DEFAULTS).status()).isEqualTo(200);
    }

    @Autowired
    TenantSettingsStore store;

    @Test
    void settingsAreReadOncePerHttpRequestAndOnEveryCallOutsideOne() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            assertThat(store.current().restrictSecurityGroups()).isFalse();
            jdbc.update("UPDATE tenant_settings SET restrict_security_groups = TRUE WHERE id = 1");
            assertThat(store.current().restrictSecurityGroups()).as("the same HTTP request").isFalse();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        try {
            assertThat(store.current().restrictSecurityGroups()).as("no HTTP request: read again").isTrue();
        } finally {
            jdbc.update("UPDATE tenant_settings SET restrict_security_groups = FALSE WHERE id = 1");
        }
    }

    @Test
    void administratorsReadAndChangeTheSettingsAndEachChangeIsAnEvent() {
        TestUser alice = TestUser.named("alice");
        Response read = http.get("/mygroups/settings", admin.token(List.of(Permissions.GROUP_READ_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("ownersCanManageRequests").asBoolean()).isTrue();
        assertThat(read.json().get("restrictGroupsAccess").asBoolean()).isFalse();
        assertThat(read.json().get("restrictSecurityGroups").asBoolean()).isFalse();

        assertThat(http.get("/mygroups/settings", alice.token()).status()).as("not an administrator").isEqualTo(403);
        assertThat(http.get("/mygroups/settings", null).status()).isEqualTo(401);
        assertThat(http.patch("/mygroups/settings", alice.token(List.of(Permissions.GROUP_READWRITE_ALL)),
                "{\"restrictSecurityGroups\":true}").status()).isEqualTo(403);
        assertThat(http.patch("/mygroups/settings", admin.token(List.of(Permissions.GROUP_READ_ALL),
                DirectoryRoles.GROUPS_ADMINISTRATOR), "{\"restrictSecurityGroups\":true}").status())
                .as("an administrator without a write scope").isEqualTo(403);
        assertThat(http.patch("/mygroups/settings", adminToken(), "{\"restrictEverything\":true}").status())
                .isEqualTo(400);
        assertThat(http.patch("/mygroups/settings", adminToken(), "{\"restrictSecurityGroups\":\"yes\"}").status())
                .isEqualTo(400);

        Response changed = http.patch("/mygroups/settings", adminToken(), "{\"restrictSecurityGroups\":true}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("restrictSecurityGroups").asBoolean()).isTrue();
        assertThat(changed.json().get("ownersCanManageRequests").asBoolean()).as("unchanged").isTrue();
        awaitOutboxDrained();
        List<TenantSettingsChanged> events = kafka.readAll(Topics.SELFSERVICE_EVENTS).stream()
                .map(ConsumerRecord::value).filter(TenantSettingsChanged.class::isInstance)
                .map(TenantSettingsChanged.class::cast)
                .filter(event -> event.metadata().initiator().userId().equals(admin.id())).toList();
        assertThat(events).singleElement().satisfies(event -> assertThat(event.modifiedProperties())
                .containsExactly(new ModifiedProperty("restrictSecurityGroups", "false", "true")));
    }

    @Test
    void restrictingGroupsAccessLocksUsersOutAtOnceButNotAdministrators() {
        TestUser carol = TestUser.named("carol");
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(TestUser.named("alice").id()));
        assertThat(http.get("/mygroups/requests", carol.token()).status()).isEqualTo(200);

        http.patch("/mygroups/settings", adminToken(), "{\"restrictGroupsAccess\":true}");

        assertThat(http.get("/mygroups/requests", carol.token()).status()).isEqualTo(403);
        assertThat(http.get("/mygroups/groups", carol.token()).status()).isEqualTo(403);
        assertThat(http.post("/mygroups/requests", carol.token(), "{\"groupId\":\"" + group.id() + "\"}").status())
                .isEqualTo(403);
        assertThat(http.get("/mygroups/groups", adminToken()).status()).isEqualTo(200);
        RequestMembership overKafka = new RequestMembership(new CommandMetadata(UUID.randomUUID(), Instant.now(),
                null), group.id(), null, null);
        kafka.sendCommand(Topics.SELFSERVICE_COMMANDS, overKafka, carol.token());
        CommandResult result = await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.SELFSERVICE_COMMAND_RESULTS)
                        .stream().map(ConsumerRecord::value).filter(CommandResult.class::isInstance)
                        .map(CommandResult.class::cast)
                        .filter(r -> r.commandId().equals(overKafka.metadata().commandId())).toList(),
                results -> !results.isEmpty()).get(0);
        assertThat(result.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void restrictingSecurityGroupsHidesThemFromUsersButNotFromAdministrators() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture security = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        GroupFixture unified = given(GroupFixture.microsoft365Group().ownedBy(alice.id()));

        http.patch("/mygroups/settings", adminToken(), "{\"restrictSecurityGroups\":true}");

        assertThat(ids(carol)).contains(unified.id()).doesNotContain(security.id());
        assertThat(http.get("/mygroups/groups/" + security.id(), carol.token()).status()).isEqualTo(404);
        assertThat(http.post("/mygroups/requests", carol.token(), "{\"groupId\":\"" + security.id() + "\"}").status())
                .isEqualTo(404);
        assertThat(http.patch("/mygroups/groups/" + security.id(), alice.token(), "{\"joinPolicy\":\"Open\"}")
                .status()).as("an owner cannot edit it either").isEqualTo(404);
        assertThat(http.get("/mygroups/groups/" + security.id(), adminToken()).status()).isEqualTo(200);
    }

    /** DOMAIN.md §4: a security group converted from AD is manageable once security groups are enabled here. */
    @Test
    void aSecurityGroupConvertedFromAdTakesRequestsOnlyWhileSecurityGroupsAreEnabled() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = TestUser.named("bob");
        GroupFixture converted = given(GroupFixture.adMasteredSecurityGroup().ownedBy(alice.id()));
        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.sourceOfAuthorityChanged(converted, true, null,
                DirectoryEvents.T0.plusSeconds(60)));
        await().atMost(TIMEOUT).until(() -> groups.find(converted.id()).orElseThrow().isCloudManaged());
        http.patch("/mygroups/settings", adminToken(), "{\"restrictSecurityGroups\":true}");

        assertThat(http.patch("/mygroups/groups/" + converted.id(), alice.token(),
                "{\"joinPolicy\":\"OwnerApproval\"}").status()).as("hidden while restricted").isEqualTo(404);
        assertThat(http.post("/mygroups/requests", bob.token(), "{\"groupId\":\"" + converted.id() + "\"}")
                .status()).isEqualTo(404);

        http.patch("/mygroups/settings", adminToken(), "{\"restrictSecurityGroups\":false}");

        assertThat(http.patch("/mygroups/groups/" + converted.id(), alice.token(),
                "{\"joinPolicy\":\"OwnerApproval\"}").status()).isEqualTo(200);
        assertThat(http.post("/mygroups/requests", bob.token(), "{\"groupId\":\"" + converted.id() + "\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void ownersDecideOnlyWhileTheTenantLetsThemAndAdministratorsAlways() {
        TestUser alice = TestUser.named("alice");
        GroupFixture group = given(GroupFixture.microsoft365Group().ownedBy(alice.id())
                .joining(dev.steward.selfservice.directory.JoinPolicy.OWNER_APPROVAL));
        String requestId = http.post("/mygroups/requests", TestUser.named("carol").token(),
                "{\"groupId\":\"" + group.id() + "\"}").text("id");

        http.patch("/mygroups/settings", adminToken(), "{\"ownersCanManageRequests\":false}");

        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", alice.token(), "{}").status())
                .isEqualTo(403);
        assertThat(http.post("/mygroups/requests/" + requestId + "/approve", adminToken(), "{}").status())
                .isEqualTo(200);
    }

    private String adminToken() {
        return admin.token(List.of(Permissions.GROUP_READWRITE_ALL), DirectoryRoles.GROUPS_ADMINISTRATOR);
    }

    private List<String> ids(TestUser viewer) {
        List<String> ids = new ArrayList<>();
        String next = "/mygroups/groups";
        while (next != null) {
            Response page = http.get(next, viewer.token());
            assertThat(page.status()).isEqualTo(200);
            page.json().get("value").forEach(item -> ids.add(item.get("id").asString()));
            next = page.text("@odata.nextLink");
        }
        return ids;
    }
}
