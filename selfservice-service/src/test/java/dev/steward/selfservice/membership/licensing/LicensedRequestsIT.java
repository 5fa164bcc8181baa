package dev.steward.selfservice.membership.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.Topics;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.selfservice.config.LicensingProperties;
import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.support.DirectoryEvents;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The P1/P2 rule end to end, in a context that enforces it: the read model learns licences from
 * {@code UserLicensesChanged}, and requests and owner-approval policies follow what the directory last said.
 */
@TestPropertySource(properties = "steward.test.licensing-enforced=true")
class LicensedRequestsIT extends SelfServiceTestBase {

    private static final String OFFICE_E1 = "18181a46-0d4e-45cd-891e-60aabd171b4e";

    @Test
    void onlyAUserHoldingEntraIdP1OrP2RequestsToJoin() {
        TestUser alice = TestUser.named("alice");
        TestUser bob = given(TestUser.named("bob"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id())
                .joining(JoinPolicy.OWNER_APPROVAL));
        licensed(bob, DirectoryEvents.T0.plusSeconds(10), OFFICE_E1);

        Response withoutPremium = request(bob, group);

        assertThat(withoutPremium.status()).isEqualTo(400);
        assertThat(withoutPremium.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(withoutPremium.errorMessage()).isEqualTo("User '" + bob.id()
                + "' needs a Microsoft Entra ID P1 or P2 license to request to join a group.");

        licensed(bob, DirectoryEvents.T0.plusSeconds(20), OFFICE_E1, LicensingProperties.AAD_PREMIUM_P2);

        Response withP2 = request(bob, group);
        assertThat(withP2.status()).as(withP2.body()).isEqualTo(201);
        assertThat(withP2.text("status")).isEqualTo("Pending");
    }

    @Test
    void aLicenceRemovedByTheDirectoryStopsRequestsAndAStaleEventDoesNotBringItBack() {
        TestUser alice = TestUser.named("alice");
        TestUser carol = TestUser.named("carol");
        GroupFixture first = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).joining(JoinPolicy.OWNER_APPROVAL));
        GroupFixture second = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).joining(JoinPolicy.OWNER_APPROVAL));
        licensed(carol, DirectoryEvents.T0.plusSeconds(10), LicensingProperties.AAD_PREMIUM);
        assertThat(request(carol, first).status()).isEqualTo(201);

        licensed(carol, DirectoryEvents.T0.plusSeconds(30));
        publishAndAwaitConsumed(DirectoryEvents.licences(carol.id(), carol.userPrincipalName(),
                DirectoryEvents.T0.plusSeconds(20), LicensingProperties.AAD_PREMIUM));

        assertThat(users.assignedSkuIds(carol.id())).isEmpty();
        assertThat(request(carol, second).status()).isEqualTo(400);
    }

    @Test
    void aUserUnknownToTheDirectoryHoldsNoLicence() {
        TestUser alice = TestUser.named("alice");
        GroupFixture open = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).joining(JoinPolicy.OPEN));

        Response refused = request(TestUser.named("stranger"), open);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).contains("needs a Microsoft Entra ID P1 or P2 license");
    }

    @Test
    void anOwnerWithoutP1OrP2CannotMakeTheGroupRequireApprovalButAGroupAdministratorCan() {
        TestUser dave = given(TestUser.named("dave"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(dave.id()).joining(JoinPolicy.CLOSED));
        String body = "{\"joinPolicy\":\"OwnerApproval\"}";

        Response refused = http.patch("/mygroups/groups/" + group.id(), dave.token(), body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).contains("to make a group require owner approval");
        assertThat(groups.find(group.id()).orElseThrow().joinPolicy()).isEqualTo(JoinPolicy.CLOSED);
        assertThat(http.patch("/mygroups/groups/" + group.id(), dave.token(), "{\"joinPolicy\":\"Open\"}").status())
                .as("no licence is needed for a group anyone joins").isEqualTo(200);

        TestUser admin = TestUser.named("admin");
        Response byAdmin = http.patch("/mygroups/groups/" + group.id(),
                admin.token(List.of("Group.ReadWrite.All"), DirectoryRoles.GROUPS_ADMINISTRATOR), body);
        assertThat(byAdmin.status()).isEqualTo(200);

        licensed(dave, DirectoryEvents.T0.plusSeconds(10), LicensingProperties.AAD_PREMIUM);
        assertThat(http.patch("/mygroups/groups/" + group.id(), dave.token(), "{\"joinPolicy\":\"Closed\"}").status())
                .isEqualTo(200);
        assertThat(http.patch("/mygroups/groups/" + group.id(), dave.token(), body).status()).isEqualTo(200);
    }

    private void licensed(TestUser user, Instant at, String... skuIds) {
        kafka.publish(Topics.DIRECTORY_EVENTS, DirectoryEvents.licences(user.id(), user.userPrincipalName(), at, skuIds));
        await().atMost(TIMEOUT).until(() -> users.assignedSkuIds(user.id()), held -> held.equals(List.of(skuIds)));
    }

    private Response request(TestUser requester, GroupFixture group) {
        return http.post("/mygroups/requests", requester.token(), "{\"groupId\":\"" + group.id() + "\"}");
    }
}
