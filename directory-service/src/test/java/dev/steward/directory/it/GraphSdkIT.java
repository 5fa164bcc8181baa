package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.beta.models.OnPremisesSyncBehavior;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ordinary group-management script driven through the unmodified Microsoft Graph Java SDKs (v1.0 and beta): only
 * the base URL and the token provider are set. Whatever the SDK sends and parses must work as it does against Graph.
 */
class GraphSdkIT extends DirectoryIntegrationTest {

    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final String ALREADY_EXISTS = "One or more added object references already exist for the "
            + "following modified properties: 'members'.";
    private static final String MASTERED = "Unable to update the specified properties for on-premises mastered "
            + "Directory Sync objects or objects currently undergoing migration.";

    /** A Groups Administrator who may manage groups and their members, read users and switch a group's SOA. */
    private final String admin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL,
                    UserReadPolicy.USER_READ_ALL, Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL),
            List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

    private GraphServiceClient graph;
    private com.microsoft.graph.beta.serviceclient.GraphServiceClient beta;

    @BeforeEach
    void connectTheSdks() {
        BaseBearerTokenAuthenticationProvider authentication = new BaseBearerTokenAuthenticationProvider(
                new TestTokenProvider(admin));
        graph = new GraphServiceClient(authentication);
        graph.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + port + "/v1.0");
        beta = new com.microsoft.graph.beta.serviceclient.GraphServiceClient(authentication);
        beta.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + port + "/beta");
    }

    @Test
    void managesAGroupAndItsMembersWithTheGraphJavaSdk() {
        AdUser alice = syncedAdUser("alice");
        AdUser bob = syncedAdUser("bob");
        String name = "Sdk-" + UUID.randomUUID().toString().substring(0, 8);

        Group security = new Group();
        security.setDisplayName(name);
        security.setMailNickname(name);
        security.setMailEnabled(false);
        security.setSecurityEnabled(true);
        security.setGroupTypes(List.of());
        security.setDescription("made with the Graph SDK");
        security.setAdditionalData(new HashMap<>(Map.of("owners@odata.bind",
                List.of("https://graph.microsoft.com/v1.0/users/" + alice.id()))));
        Group created = graph.groups().post(security);
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getDisplayName()).isEqualTo(name);
        assertThat(created.getSecurityEnabled()).isTrue();
        assertThat(created.getCreatedDateTime()).isNotNull();

        Group unified = new Group();
        unified.setDisplayName(name + "-team");
        unified.setMailNickname(name + "-team");
        unified.setMailEnabled(true);
        unified.setSecurityEnabled(false);
        unified.setGroupTypes(List.of("Unified"));
        unified.setVisibility("Private");
        unified.setAdditionalData(new HashMap<>(Map.of("owners@odata.bind",
                List.of("https://graph.microsoft.com/v1.0/users/" + alice.id()))));
        Group team = graph.groups().post(unified);
        assertThat(team.getGroupTypes()).containsExactly("Unified");
        assertThat(team.getMail()).isEqualTo((name + "-team@corp.example.test"));

        Group read = graph.groups().byGroupId(created.getId()).get();
        assertThat(read.getDisplayName()).isEqualTo(name);
        assertThat(read.getDescription()).isEqualTo("made with the Graph SDK");
        assertThat(read.getOnPremisesSyncEnabled()).isNull();

        Group change = new Group();
        change.setDescription("patched with the Graph SDK");
        change.setVisibility("Private");
        graph.groups().byGroupId(created.getId()).patch(change);
        Group patched = graph.groups().byGroupId(created.getId())
                .get(config -> config.queryParameters.select = new String[]{"description", "visibility"});
        assertThat(patched.getDescription()).isEqualTo("patched with the Graph SDK");
        assertThat(patched.getVisibility()).isEqualTo("Private");

        var members = graph.groups().byGroupId(created.getId()).members();
        members.ref().post(reference(bob.id()));
        members.ref().post(reference(team.getId()));
        List<DirectoryObject> direct = members.get().getValue();
        assertThat(direct).hasSize(2);
        assertThat(direct).filteredOn(User.class::isInstance).singleElement()
                .satisfies(user -> assertThat(((User) user).getUserPrincipalName()).isEqualTo(bob.upn()));
        assertThat(direct).filteredOn(Group.class::isInstance).singleElement()
                .satisfies(group -> assertThat(((Group) group).getDisplayName()).isEqualTo(name + "-team"));
        assertThat(members.count().get(config -> config.headers.add("ConsistencyLevel", "eventual"))).isEqualTo(2);

        List<DirectoryObject> owners = graph.groups().byGroupId(created.getId()).owners().get().getValue();
        assertThat(owners).singleElement().isInstanceOf(User.class)
                .extracting(DirectoryObject::getId).isEqualTo(alice.id());

        graph.groups().byGroupId(team.getId()).members().ref().post(reference(alice.id()));
        List<DirectoryObject> transitive = graph.groups().byGroupId(created.getId()).transitiveMembers().get()
                .getValue();
        assertThat(transitive).extracting(DirectoryObject::getId)
                .containsExactlyInAnyOrder(bob.id(), team.getId(), alice.id());

        User aliceByName = graph.users().byUserId(alice.upn()).get();
        assertThat(aliceByName.getId()).isEqualTo(alice.id());
        assertThat(aliceByName.getOnPremisesSyncEnabled()).isTrue();
        assertThat(graph.users().byUserId(alice.upn()).memberOf().get().getValue())
                .singleElement().isInstanceOf(Group.class).extracting(DirectoryObject::getId).isEqualTo(team.getId());
        assertThat(graph.users().byUserId(alice.id()).transitiveMemberOf().get().getValue())
                .allMatch(Group.class::isInstance).extracting(DirectoryObject::getId)
                .containsExactlyInAnyOrder(team.getId(), created.getId());

        members.byDirectoryObjectId(bob.id()).ref().delete();
        assertThat(members.get().getValue()).extracting(DirectoryObject::getId).containsExactly(team.getId());
        assertThat(graph.users().byUserId(bob.id()).memberOf().get().getValue()).isEmpty();
    }

    @Test
    void pagesThroughAFilteredSelectionOfGroupsWithThePageIterator() throws ReflectiveOperationException {
        String prefix = "SdkPage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> names = List.of(prefix + "-a", prefix + "-b", prefix + "-c", prefix + "-d", prefix + "-e");
        names.forEach(this::createSecurityGroup);

        GroupCollectionResponse first = graph.groups().get(config -> {
            config.queryParameters.filter = "startswith(displayName,'" + prefix + "')";
            config.queryParameters.select = new String[]{"id", "displayName"};
            config.queryParameters.top = 2;
        });
        assertThat(first.getValue()).hasSize(2);
        assertThat(first.getOdataNextLink()).contains("skiptoken");
        assertThat(first.getValue().get(0).getMailNickname()).isNull();

        List<Group> all = new ArrayList<>();
        PageIterator<Group, GroupCollectionResponse> pages = new PageIterator.Builder<Group, GroupCollectionResponse>()
                .client(graph)
                .collectionPage(first)
                .collectionPageFactory(GroupCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(group -> all.add(group))
                .build();
        pages.iterate();

        assertThat(all).extracting(Group::getDisplayName).containsExactlyInAnyOrderElementsOf(names);
        assertThat(all).allSatisfy(group -> {
            assertThat(group.getId()).isNotBlank();
            assertThat(group.getSecurityEnabled()).isNull();
        });
    }

    @Test
    void raisesGraphsErrorsAsODataErrors() {
        AdUser carol = syncedAdUser("carol");
        String group = createSecurityGroup("SdkErrors-" + UUID.randomUUID().toString().substring(0, 8));
        var members = graph.groups().byGroupId(group).members();
        members.ref().post(reference(carol.id()));

        assertGraphError(() -> members.ref().post(reference(carol.id())), 400, "Request_BadRequest", ALREADY_EXISTS);
        String unknown = UUID.randomUUID().toString();
        assertGraphError(() -> members.ref().post(reference(unknown)), 404, "Request_ResourceNotFound",
                "Resource '" + unknown + "' does not exist or one of its queried reference-property objects are not "
                        + "present.");
        assertGraphError(() -> graph.groups().byGroupId(unknown).get(), 404, "Request_ResourceNotFound", null);
        assertGraphError(() -> members.byDirectoryObjectId(unknown).ref().delete(), 404, "Request_ResourceNotFound",
                null);

        graph.groups().byGroupId(group).delete();
        assertGraphError(() -> graph.groups().byGroupId(group).get(), 404, "Request_ResourceNotFound", null);
        assertThat(graph.users().byUserId(carol.id()).memberOf().get().getValue()).isEmpty();
    }

    @Test
    void switchesTheSourceOfAuthorityOfASyncedGroupWithTheBetaSdk() {
        AdGroup group = AdGroup.security("SdkSoa");
        commands.send(group.command(SYNCED_AT), SYNC_ENGINE);
        var behavior = beta.groups().byGroupId(group.id()).onPremisesSyncBehavior();

        OnPremisesSyncBehavior before = behavior.get(config ->
                config.queryParameters.select = new String[]{"isCloudManaged"});
        assertThat(before.getId()).isEqualTo(group.id());
        assertThat(before.getIsCloudManaged()).isFalse();
        Group rename = new Group();
        rename.setDisplayName("Renamed in the cloud");
        assertGraphError(() -> graph.groups().byGroupId(group.id()).patch(rename), 400, "Request_BadRequest", MASTERED);

        OnPremisesSyncBehavior toCloud = new OnPremisesSyncBehavior();
        toCloud.setIsCloudManaged(true);
        behavior.patch(toCloud);

        assertThat(behavior.get().getIsCloudManaged()).isTrue();
        com.microsoft.graph.beta.models.Group switched = beta.groups().byGroupId(group.id()).get();
        assertThat(switched.getOnPremisesSyncEnabled()).isNull();
        Group cloudRename = new Group();
        cloudRename.setDisplayName("Renamed in the cloud");
        graph.groups().byGroupId(group.id()).patch(cloudRename);
        assertThat(graph.groups().byGroupId(group.id()).get().getDisplayName()).isEqualTo("Renamed in the cloud");
    }

    @Test
    void countsCastsAndReferencesCollectionsAsGraphDoes() {
        AdUser dave = syncedAdUser("dave");
        AdUser erin = syncedAdUser("erin");
        String prefix = "SdkCount-" + UUID.randomUUID().toString().substring(0, 8);
        String group = createSecurityGroup(prefix);
        var members = graph.groups().byGroupId(group).members();
        members.ref().post(reference(dave.id()));
        members.ref().post(reference(erin.id()));

        DirectoryObjectCollectionResponse selected = members.get(config -> {
            config.queryParameters.select = new String[]{"id", "displayName"};
            config.queryParameters.count = true;
            config.queryParameters.top = 1;
            config.headers.add("ConsistencyLevel", "eventual");
        });
        assertThat(selected.getOdataCount()).isEqualTo(2L);
        assertThat(selected.getValue()).singleElement().isInstanceOf(User.class)
                .satisfies(user -> assertThat(((User) user).getUserPrincipalName()).isNull());
        assertThat(selected.getOdataNextLink()).isNotBlank();

        assertThat(graph.groups().count().get(config -> {
            config.queryParameters.filter = "startswith(displayName,'" + prefix + "')";
            config.headers.add("ConsistencyLevel", "eventual");
        })).isEqualTo(1);
        assertThat(graph.users().count().get(config -> {
            config.queryParameters.filter = "userPrincipalName eq '" + dave.upn() + "'";
            config.headers.add("ConsistencyLevel", "eventual");
        })).isEqualTo(1);
        assertThat(graph.users().get(config -> config.queryParameters.filter = "userPrincipalName eq '" + erin.upn()
                + "'").getValue()).extracting(User::getId).containsExactly(erin.id());

        var owners = graph.groups().byGroupId(group).owners();
        owners.ref().post(reference(dave.id()));
        owners.ref().post(reference(erin.id()));
        assertThat(owners.graphUser().get().getValue()).extracting(User::getId)
                .containsExactlyInAnyOrder(dave.id(), erin.id());
        owners.byDirectoryObjectId(dave.id()).ref().delete();
        assertGraphError(() -> owners.byDirectoryObjectId(erin.id()).ref().delete(), 400, "Request_BadRequest",
                "The group must have at least one owner, hence this owner cannot be removed.");
        assertThat(owners.get().getValue()).extracting(DirectoryObject::getId).containsExactly(erin.id());

        String nested = createSecurityGroup(prefix + "-nested");
        members.ref().post(reference(nested));
        assertThat(members.graphUser().get().getValue()).extracting(User::getId)
                .containsExactlyInAnyOrder(dave.id(), erin.id());
        assertThat(members.graphGroup().get().getValue()).extracting(Group::getId).containsExactly(nested);
        assertThat(graph.groups().byGroupId(group).transitiveMembers().graphUser()
                .get(config -> config.queryParameters.count = true).getOdataCount()).isEqualTo(2L);
        assertThat(graph.users().byUserId(dave.upn()).memberOf().graphGroup().get().getValue())
                .extracting(Group::getId).containsExactly(group);
        assertThat(graph.users().byUserId(dave.id()).transitiveMemberOf().graphGroup().get().getValue())
                .extracting(Group::getDisplayName).containsExactly(prefix);
    }

    private String createSecurityGroup(String name) {
        Group group = new Group();
        group.setDisplayName(name);
        group.setMailNickname(name);
        group.setMailEnabled(false);
        group.setSecurityEnabled(true);
        return graph.groups().post(group).getId();
    }

    private static ReferenceCreate reference(String id) {
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + id);
        return reference;
    }

    /** The call fails as Graph's would: an {@link ODataError} with Graph's status, code and (when given) message. */
    private static void assertGraphError(ThrowingCallable call, int status, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ODataError.class, error -> {
            assertThat(error.getResponseStatusCode()).isEqualTo(status);
            assertThat(error.getError().getCode()).isEqualTo(code);
            if (message != null) {
                assertThat(error.getError().getMessage()).isEqualTo(message);
            }
            assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
            assertThat(error.getError().getInnerError().getDate()).isNotNull();
        });
    }

    private AdUser syncedAdUser(String prefix) {
        String anchor = UUID.randomUUID().toString();
        String upn = prefix + "-" + anchor.substring(0, 8) + "@corp.example.test";
        String id = DirectoryIds.fromAnchor(anchor);
        commands.send(new SyncUserFromOnPremises(id, anchor, upn, prefix, upn, "S-1-5-21-1-2-3-4000", prefix,
                "CN=" + prefix + ",CN=Users,DC=corp,DC=example,DC=test", SYNCED_AT), SYNC_ENGINE);
        return new AdUser(id, upn);
    }

    private record AdUser(String id, String upn) {
    }

    /** Hands the SDK a test token for the service under test, and for no other host. */
    private record TestTokenProvider(String token) implements AccessTokenProvider {

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
            return token;
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator("127.0.0.1");
        }
    }
}
