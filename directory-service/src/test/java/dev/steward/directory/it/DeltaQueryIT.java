package dev.steward.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.directory.group.api.SwitchSourceOfAuthority;
import dev.steward.directory.it.Samples.AdGroup;
import dev.steward.directory.policy.UserReadPolicy;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Graph's delta queries on groups and users: a first round over the read models, then the changes since, from the
 * event store. A round's position stops below a gap a concurrent transaction may still fill, so the checks of a
 * change round follow the deltaLinks until the expected change has arrived (at most a few seconds after another
 * test's rollback, immediately otherwise).
 */
class DeltaQueryIT extends DirectoryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final String admin = TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test",
            List.of(Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL, UserReadPolicy.USER_READ_ALL),
            List.of(DirectoryRoles.GROUPS_ADMINISTRATOR));

    @Test
    void listsEveryGroupInTheFirstRoundAndEndsWithADeltaLink() {
        String first = createGroup("First");
        String second = createGroup("Second");

        Round round = round("/v1.0/groups/delta()?$top=50");

        assertThat(round.ids()).contains(first, second).doesNotHaveDuplicates();
        assertThat(round.ids()).hasSize(groupCount());
        assertThat(round.byId(first).get("displayName").asString()).startsWith("First-");
        assertThat(round.byId(first).has("members@delta")).isFalse();
        assertThat(round.deltaLink()).startsWith("http://127.0.0.1:" + port + "/v1.0/groups/delta()?$deltatoken=");
        assertThat(round.pages().get(0).get("@odata.context").asString()).endsWith("/v1.0/$metadata#groups");
    }

    @Test
    void pagesTheFirstRoundAtTop() {
        createGroup("Paged");

        Round round = round("/beta/groups/delta?$top=7");

        assertThat(round.pages()).hasSizeGreaterThan(1);
        for (JsonNode page : round.pages().subList(0, round.pages().size() - 1)) {
            assertThat(page.get("value")).hasSize(7);
            assertThat(page.get("@odata.nextLink").asString()).contains("/beta/groups/delta?$skiptoken=");
            assertThat(page.has("@odata.deltaLink")).isFalse();
        }
        assertThat(round.ids()).doesNotHaveDuplicates().hasSize(groupCount());
    }

    @Test
    void pagesAChangeRoundAtTheTopOfTheFirstRequest() {
        String since = latest("/v1.0/groups/delta()?$deltatoken=latest&$top=2");
        List<String> renamed = List.of(createGroup("PageA"), createGroup("PageB"), createGroup("PageC"));

        List<Round> rounds = roundsUntil(since, items -> ids(items).containsAll(renamed));

        List<JsonNode> pages = rounds.stream().flatMap(round -> round.pages().stream()).toList();
        assertThat(pages).allSatisfy(page -> assertThat(page.get("value").size()).isLessThanOrEqualTo(2));
        assertThat(pages).anySatisfy(page -> assertThat(page.has("@odata.nextLink")).isTrue());
    }

    @Test
    void answersAnEmptyPageWithANewDeltaLinkWhenNothingChanged() {
        String since = latest("/v1.0/groups/delta()?$deltatoken=latest");
        Round caughtUp = caughtUp(since);

        Round quiet = round(path(caughtUp.deltaLink()));

        assertThat(quiet.pages()).hasSize(1);
        assertThat(quiet.pages().get(0).get("value")).isEmpty();
        assertThat(quiet.pages().get(0).has("@odata.nextLink")).isFalse();
        assertThat(quiet.deltaLink()).contains("$deltatoken=");
    }

    @Test
    void reportsARenameAndMembersAddedAndRemovedSinceTheLastRound() {
        String group = createGroup("Delta");
        String bob = syncedUser("bob");
        String carol = syncedUser("carol");
        String since = round("/v1.0/groups/delta()?$top=999").deltaLink();

        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"displayName\":\"Delta-renamed\"}").status())
                .isEqualTo(204);
        addMember(group, bob);
        addMember(group, carol);
        assertThat(api.delete("/v1.0/groups/" + group + "/members/" + carol + "/$ref", admin).status()).isEqualTo(204);

        List<Round> rounds = roundsUntil(path(since), items -> items.stream().anyMatch(item ->
                item.get("id").asString().equals(group) && item.has("members@delta")
                        && item.get("members@delta").size() == 2));
        JsonNode changed = lastItem(rounds, group);
        assertThat(changed.get("displayName").asString()).isEqualTo("Delta-renamed");
        Map<String, JsonNode> members = byId(changed.get("members@delta"));
        assertThat(members).containsOnlyKeys(bob, carol);
        assertThat(members.get(bob).get("@odata.type").asString()).isEqualTo("#microsoft.graph.user");
        assertThat(members.get(bob).has("@removed")).isFalse();
        assertThat(members.get(carol).get("@removed").get("reason").asString()).isEqualTo("deleted");

        Round next = round(path(last(rounds).deltaLink()));
        assertThat(next.ids()).doesNotContain(group);
    }

    @Test
    void reportsADeletedGroupAsRemoved() {
        String doomed = createGroup("Doomed");
        String since = latest("/v1.0/groups/delta()?$deltatoken=latest");

        assertThat(api.delete("/v1.0/groups/" + doomed, admin).status()).isEqualTo(204);

        List<Round> rounds = roundsUntil(since, items -> ids(items).contains(doomed));
        JsonNode removed = lastItem(rounds, doomed);
        assertThat(removed.get("@removed").get("reason").asString()).isEqualTo("deleted");
        assertThat(removed.has("displayName")).isFalse();
    }

    @Test
    void reportsASourceOfAuthoritySwitch() {
        AdGroup synced = AdGroup.security("Soa");
        commands.send(synced.command(Instant.parse("2026-01-01T10:00:00Z")), SYNC_ENGINE);
        String since = latest("/v1.0/groups/delta()?$deltatoken=latest&$select=displayName,onPremisesSyncEnabled");

        commands.send(new SwitchSourceOfAuthority(synced.id(), true), SYNC_ENGINE);

        List<Round> rounds = roundsUntil(since, items -> ids(items).contains(synced.id()));
        JsonNode switched = lastItem(rounds, synced.id());
        assertThat(switched.get("onPremisesSyncEnabled").isNull()).isTrue();
        assertThat(names(switched)).containsExactlyInAnyOrder("id", "displayName", "onPremisesSyncEnabled");
    }

    @Test
    void holdsBackEventsBehindAGapATransactionMayStillFillUntilTheGapIsOld() {
        String since = latest("/v1.0/groups/delta()?$deltatoken=latest");
        jdbc.queryForObject("SELECT nextval('domain_event_entry_seq')", Long.class);
        String group = createGroup("AfterGap");

        Round held = round(path(since));

        assertThat(held.ids()).doesNotContain(group);
        assertThat(lastItem(roundsUntil(path(held.deltaLink()), items -> ids(items).contains(group)), group)
                .get("displayName").asString()).startsWith("AfterGap-");
    }

    @Test
    void listsMembersInTheFirstRoundWhenSelected() {
        String group = createGroup("Selected");
        String dan = syncedUser("dan");
        addMember(group, dan);

        Round round = round("/v1.0/groups/delta()?$select=displayName,members&$top=999");

        JsonNode item = round.byId(group);
        assertThat(names(item)).containsExactlyInAnyOrder("id", "displayName", "members@delta");
        assertThat(ids(item.get("members@delta"))).containsExactly(dan);
    }

    @Test
    void leavesMembersOutWhenTheSelectDoesNotNameThem() {
        String group = createGroup("NoMembers");
        String since = latest("/v1.0/groups/delta()?$deltatoken=latest&$select=displayName");

        addMember(group, syncedUser("erin"));
        assertThat(api.patch("/v1.0/groups/" + group, admin, "{\"description\":\"changed\"}").status()).isEqualTo(204);

        JsonNode item = lastItem(roundsUntil(since, items -> ids(items).contains(group)), group);
        assertThat(names(item)).containsExactlyInAnyOrder("id", "displayName");
    }

    @Test
    void reportsUsersSyncedOrChangedSinceTheLastRound() {
        String anchor = UUID.randomUUID().toString();
        String frank = syncUser(anchor, "frank", "Frank");
        Round first = round("/v1.0/users/delta()?$top=999");
        assertThat(first.ids()).contains(frank);

        syncUser(anchor, "frank", "Frank Renamed");
        String gina = syncedUser("gina");

        List<Round> rounds = roundsUntil(path(first.deltaLink()), items -> ids(items).containsAll(List.of(frank, gina)));
        assertThat(lastItem(rounds, frank).get("displayName").asString()).isEqualTo("Frank Renamed");
        assertThat(lastItem(rounds, frank).has("members@delta")).isFalse();
        assertThat(last(rounds).deltaLink()).contains("/v1.0/users/delta()?$deltatoken=");
    }

    @Test
    void refusesATokenThatIsNotOurs() {
        String groupsLink = path(latest("/v1.0/groups/delta()?$deltatoken=latest"));
        String usersToken = token(latest("/v1.0/users/delta()?$deltatoken=latest"));
        String groupsToken = token(groupsLink);
        String altered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1|g|d|9000000000|9000000000|100|||".getBytes(StandardCharsets.UTF_8))
                + groupsToken.substring(groupsToken.indexOf('.'));

        for (String token : List.of("bm90LW91cnM", "abc.def", altered, usersToken, UUID.randomUUID().toString())) {
            Api.Response refused = api.get("/v1.0/groups/delta()?$deltatoken=" + token, admin);
            assertThat(refused.status()).as(token).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("Request_BadRequest");
        }
        assertThat(api.get("/v1.0/groups/delta()?$skiptoken=" + groupsToken, admin).status()).isEqualTo(400);
        assertThat(api.get(groupsLink, admin).status()).isEqualTo(200);
    }

    @Test
    void refusesOptionsItDoesNotAnswer() {
        Api.Response filter = api.get(Api.path("/v1.0/groups/delta()?$filter=id eq '%s'", UUID.randomUUID()), admin);
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.errorCode()).isEqualTo("Request_UnsupportedQuery");
        assertThat(api.get("/v1.0/groups/delta()?$select=owners", admin).status()).isEqualTo(400);
        assertThat(api.get("/v1.0/users/delta()?$select=members", admin).status()).isEqualTo(400);
        assertThat(api.get("/v1.0/groups/delta()?$top=0", admin).status()).isEqualTo(400);
    }

    @Test
    void needsTheSamePermissionsAsListing() {
        String usersOnly = TestTokens.user(UUID.randomUUID().toString(), "reader@corp.example.test",
                List.of(UserReadPolicy.USER_READ_ALL), List.of());
        String membersOnly = TestTokens.user(UUID.randomUUID().toString(), "members@corp.example.test",
                List.of(Permissions.GROUP_MEMBER_READ_ALL), List.of());

        assertThat(api.get("/v1.0/groups/delta()", usersOnly).errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(api.get("/v1.0/groups/delta()", membersOnly).status()).isEqualTo(403);
        assertThat(api.get("/v1.0/users/delta()?$top=1", usersOnly).status()).isEqualTo(200);
        assertThat(api.get("/v1.0/users/delta()", membersOnly).status()).isEqualTo(403);
        assertThat(api.get("/v1.0/groups/delta()", null).status()).isEqualTo(401);
    }

    /** Follows nextLinks from {@code path} to the round's deltaLink. */
    private Round round(String path) {
        List<JsonNode> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            Api.Response response = api.get(next, admin);
            assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
            JsonNode page = response.json();
            pages.add(page);
            next = page.has("@odata.nextLink") ? path(page.get("@odata.nextLink").asString()) : null;
            assertThat(page.has("@odata.deltaLink")).isEqualTo(next == null);
            assertThat(pages).hasSizeLessThan(1000);
        }
        return new Round(pages);
    }

    /**
     * Change rounds from {@code since}, one after the other, until the items they brought together satisfy
     * {@code expected}.
     */
    private List<Round> roundsUntil(String since, Predicate<List<JsonNode>> expected) {
        List<Round> rounds = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Round round = round(path(rounds.isEmpty() ? since : last(rounds).deltaLink()));
            rounds.add(round);
            items.addAll(round.items());
            return expected.test(items);
        });
        return rounds;
    }

    /** Change rounds from {@code since} until one brings nothing: the last of them. */
    private Round caughtUp(String since) {
        List<Round> rounds = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            rounds.add(round(path(rounds.isEmpty() ? since : last(rounds).deltaLink())));
            return last(rounds).items().isEmpty();
        });
        return last(rounds);
    }

    /** The latest item about {@code id} the rounds brought. */
    private static JsonNode lastItem(List<Round> rounds, String id) {
        return rounds.stream().flatMap(round -> round.items().stream())
                .filter(item -> item.get("id").asString().equals(id)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no item " + id));
    }

    private String latest(String path) {
        Api.Response response = api.get(path, admin);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("value")).isEmpty();
        return path(response.json().get("@odata.deltaLink").asString());
    }

    private int groupCount() {
        return api.get("/v1.0/groups?$top=1&$count=true", admin).json().get("@odata.count").asInt();
    }

    private String createGroup(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/v1.0/groups", admin, "{\"displayName\":\"" + name + "\",\"mailNickname\":\""
                + name + "\",\"mailEnabled\":false,\"securityEnabled\":true}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void addMember(String group, String member) {
        assertThat(api.post("/v1.0/groups/" + group + "/members/$ref", admin,
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member + "\"}").status())
                .isEqualTo(204);
    }


    /** The path and query of one of the service's absolute links. */
    private String path(String link) {
        String origin = "http://127.0.0.1:" + port;
        return link.startsWith(origin) ? link.substring(origin.length()) : link;
    }

    private static String token(String link) {
        return link.substring(link.indexOf('=') + 1);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static List<String> ids(Iterable<JsonNode> items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asString()).toList();
    }

    private static Map<String, JsonNode> byId(JsonNode items) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.get("id").asString(), item));
        return byId;
    }

    private static Set<String> names(JsonNode item) {
        Set<String> names = new HashSet<>();
        item.propertyNames().forEach(names::add);
        return names;
    }

    /** The pages of one round, the last carrying the deltaLink. */
    private record Round(List<JsonNode> pages) {

        List<JsonNode> items() {
            return pages.stream().flatMap(page -> StreamSupport.stream(page.get("value").spliterator(), false))
                    .toList();
        }

        List<String> ids() {
            return DeltaQueryIT.ids(items());
        }

        JsonNode byId(String id) {
            return items().stream().filter(item -> item.get("id").asString().equals(id)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no item " + id + " in " + pages));
        }

        String deltaLink() {
            return pages.get(pages.size() - 1).get("@odata.deltaLink").asString();
        }
    }
}
