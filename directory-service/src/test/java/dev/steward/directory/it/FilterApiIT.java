package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.DirectoryIds;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.directory.user.api.SyncUserFromOnPremises;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import dev.steward.platform.web.GraphPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code $filter}, {@code $orderby} and paging of {@code GET /groups} and {@code GET /users} over HTTP. */
class FilterApiIT extends DirectoryIntegrationTest {

    private static final Instant SYNCED_AT = Instant.parse("2026-01-01T10:00:00Z");

    private final String admin = TestTokens.groupsAdmin();

    @Test
    void filtersGroupsWithOrInAndNot() {
        String prefix = prefix("Logic");
        AdGroup a = synced(AdGroup.security(prefix));
        AdGroup b = synced(AdGroup.security(prefix));
        AdGroup c = synced(AdGroup.security(prefix));
        String mine = "startswith(displayName,'" + prefix + "')";

        assertThat(names(mine + " and (displayName eq '" + a.name() + "' or displayName eq '"
                + b.name().toUpperCase(Locale.ROOT) + "')")).containsExactlyInAnyOrder(a.name(), b.name());
        assertThat(names(mine + " and displayName in ('" + a.name() + "', '" + c.name() + "', 'nobody')"))
                .containsExactlyInAnyOrder(a.name(), c.name());
        assertThat(names(mine + " and not (displayName eq '" + a.name() + "' or id eq '" + b.id() + "')"))
                .containsExactly(c.name());
        assertThat(names(mine + " and displayName ne '" + a.name() + "' and not startswith(displayName,'x')"))
                .containsExactlyInAnyOrder(b.name(), c.name());
    }

    @Test
    void filtersGroupsByGroupTypesAndSourceOfAuthority() {
        String prefix = prefix("Soa");
        AdGroup synced = synced(AdGroup.security(prefix));
        AdGroup switched = synced(AdGroup.security(prefix));
        assertThat(api.patch("/beta/groups/" + switched.id() + "/onPremisesSyncBehavior", admin,
                "{\"isCloudManaged\":true}").status()).isEqualTo(204);
        String owner = syncedUser("owner");
        String unified = prefix + "-m365";
        assertThat(api.post("/v1.0/groups", admin, "{\"displayName\":\"" + unified + "\",\"mailNickname\":\""
                + unified + "\",\"mailEnabled\":true,\"securityEnabled\":false,\"groupTypes\":[\"Unified\"],"
                + "\"owners@odata.bind\":[\"https://graph.microsoft.com/v1.0/users/" + owner + "\"]}").status())
                .isEqualTo(201);
        String mine = "startswith(displayName,'" + prefix + "') and ";

        assertThat(names(mine + "groupTypes/any(c: c eq 'unified')")).containsExactly(unified);
        assertThat(names(mine + "not groupTypes/any(c:c eq 'Unified')"))
                .containsExactlyInAnyOrder(synced.name(), switched.name());
        assertThat(names(mine + "onPremisesSyncEnabled eq true")).containsExactly(synced.name());
        assertThat(names(mine + "onPremisesSyncEnabled eq null")).containsExactlyInAnyOrder(switched.name(), unified);
        assertThat(names(mine + "not (onPremisesSyncEnabled eq true)"))
                .containsExactlyInAnyOrder(switched.name(), unified);
        assertThat(names(mine + "onPremisesSyncEnabled eq false")).isEmpty();
        assertThat(names(mine + "onPremisesSyncBehavior/isCloudManaged eq true")).containsExactly(switched.name());
        assertThat(names(mine + "onPremisesSyncBehavior/isCloudManaged eq false"))
                .containsExactlyInAnyOrder(synced.name(), unified);
    }

    @Test
    void ordersGroupsByDisplayNameAndPagesWithTheSortKey() {
        String prefix = prefix("Order");
        List<String> expected = new ArrayList<>();
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            AdGroup group = synced(AdGroup.security(prefix).renamed(prefix + "-" + name));
            expected.add(group.name());
        }
        AdGroup twin = synced(AdGroup.security(prefix).renamed(prefix + "-ALPHA"));
        expected.add(twin.name());
        String filter = "$filter=startswith(displayName,'" + prefix + "')";

        List<String> ascending = pages("/v1.0/groups?" + filter + "&$orderby=displayName&$top=2&$count=true", 6);
        List<String> descending = pages("/v1.0/groups?" + filter + "&$orderby=displayName desc&$top=4", 6);

        assertThat(ascending).hasSize(6).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)));
        assertThat(descending).hasSize(6).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected)
                .isSortedAccordingTo(Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT)).reversed());
    }

    @Test
    void refusesASkipTokenOfAnotherOrderOrNotOurs() {
        String prefix = prefix("Token");
        synced(AdGroup.security(prefix));
        synced(AdGroup.security(prefix));
        JsonNode byId = api.get(Api.path("/v1.0/groups?$filter=startswith(displayName,'%s')&$top=1", prefix), admin)
                .json();
        String token = byId.get("@odata.nextLink").asString().replaceAll(".*skiptoken=([^&]*).*", "$1");

        Api.Response otherOrder = api.get(Api.path("/v1.0/groups?$orderby=displayName&$skiptoken=") + token, admin);
        Api.Response notOurs = api.get("/v1.0/groups?%24skiptoken=" + GraphPage.skipToken("some-id"), admin);

        assertThat(otherOrder.status()).isEqualTo(400);
        assertThat(otherOrder.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(notOurs.status()).isEqualTo(400);
        assertThat(notOurs.errorMessage()).isEqualTo("The $skiptoken is not valid.");
    }

    @Test
    void answersMalformedAndUnsupportedFiltersWithTheirCodes() {
        assertThat(api.get(Api.path("/v1.0/groups?$filter=displayName eq 'a' or"), admin).errorCode())
                .isEqualTo("Request_BadRequest");
        assertThat(api.get(Api.path("/v1.0/groups?$filter=groupTypes/any(c: c ne 'Unified')"), admin).errorCode())
                .isEqualTo("Request_UnsupportedQuery");
        Api.Response deep = api.get(Api.path("/v1.0/groups?$filter=" + "(".repeat(2000) + "id eq 'x'"
                + ")".repeat(2000)), admin);
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.errorCode()).isEqualTo("Request_BadRequest");
    }

    @Test
    void filtersAndOrdersUsers() {
        String prefix = prefix("user").toLowerCase(Locale.ROOT);
        List<String> upns = new ArrayList<>();
        for (String name : List.of("carol", "alice", "bob")) {
            upns.add(syncedUserPrincipalName(prefix + "-" + name));
        }
        String reader = TestTokens.app("a0000000-0000-4000-8000-0000000000b5", Permissions.DIRECTORY_READ_ALL);
        String mine = "startswith(userPrincipalName,'" + prefix + "')";

        List<String> descending = new ArrayList<>();
        String next = Api.path("/v1.0/users?$filter=%s&$orderby=userPrincipalName desc&$top=1", mine);
        while (next != null) {
            JsonNode page = api.get(next, reader).json();
            page.get("value").forEach(user -> descending.add(user.get("userPrincipalName").asString()));
            next = nextPath(page);
        }
        JsonNode notBob = api.get(Api.path("/v1.0/users?$filter=%s and not (userPrincipalName in ('%s'))"
                + "&$orderby=displayName", mine, upns.get(2)), reader).json();

        assertThat(descending).containsExactly(upns.get(0), upns.get(2), upns.get(1));
        assertThat(StreamSupport.stream(notBob.get("value").spliterator(), false)
                .map(user -> user.get("userPrincipalName").asString())).containsExactly(upns.get(1), upns.get(0));
    }

    private List<String> names(String filter) {
        Api.Response response = api.get(Api.path("/v1.0/groups?$filter=%s", filter), admin);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("value").spliterator(), false)
                .map(group -> group.get("displayName").asString()).toList();
    }

    private List<String> pages(String first, int count) {
        List<String> names = new ArrayList<>();
        String next = Api.path(first);
        while (next != null) {
            Api.Response response = api.get(next, admin);
            assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
            JsonNode page = response.json();
            if (page.has("@odata.count")) {
                assertThat(page.get("@odata.count").asInt()).isEqualTo(count);
            }
            page.get("value").forEach(group -> names.add(group.get("displayName").asString()));
            next = nextPath(page);
        }
        return names;
    }

    private String nextPath(JsonNode page) {
        return page.has("@odata.nextLink")
                ? page.get("@odata.nextLink").asString().substring(("http://127.0.0.1:" + port).length()) : null;
    }

    private static String prefix(String kind) {
        return kind + UUID.randomUUID().toString().substring(0, 8);
    }

    private AdGroup synced(AdGroup group) {
        commands.send(group.command(SYNCED_AT), SYNC_ENGINE);
        return group;
    }


    private String syncedUserPrincipalName(String name) {
        String upn = name + "@corp.example.test";
        sync(UUID.randomUUID().toString(), upn, name);
        return upn;
    }

    private void sync(String anchor, String upn, String displayName) {
        commands.send(new SyncUserFromOnPremises(DirectoryIds.fromAnchor(anchor), anchor, upn, displayName, upn,
                "S-1-5-21-1-2-3-4000", displayName, "CN=" + displayName + ",CN=Users,DC=corp,DC=example,DC=test",
                SYNCED_AT), SYNC_ENGINE);
    }
}
