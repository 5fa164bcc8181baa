package dev.steward.directory.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.MemberRef;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.ObjectType;
import dev.steward.directory.group.query.GroupReadModel;
import dev.steward.directory.group.query.GroupView;
import dev.steward.directory.group.query.MembershipReadModel;
import dev.steward.directory.history.DeltaCursor.Phase;
import dev.steward.directory.history.DeltaCursor.Resource;
import dev.steward.directory.user.query.UserReadModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Change rounds of delta queries over a scripted event feed: bounded pages, what each change shows as. */
class DeltaQueriesTest {

    private static final String ENGINEERING = "00000000-0000-4000-8000-00000000e001";
    private static final String SALES = "00000000-0000-4000-8000-00000000e002";
    private static final String LEGAL = "00000000-0000-4000-8000-00000000e003";

    private final ScriptedFeed feed = new ScriptedFeed();
    private final Set<String> stored = new HashSet<>(List.of(ENGINEERING, SALES, LEGAL));
    private final MembershipReadModel memberships = mock(MembershipReadModel.class);
    private final NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
    private DeltaQueries deltas;

    @BeforeEach
    void readModels() {
        GroupReadModel groups = mock(GroupReadModel.class);
        when(groups.findAll(anyCollection())).thenAnswer(call -> {
            Map<String, GroupView> found = new HashMap<>();
            for (Object id : call.getArgument(0, Collection.class)) {
                if (stored.contains(id)) {
                    found.put((String) id, GroupView.detached(state((String) id), 1));
                }
            }
            return found;
        });
        when(jdbc.queryForList(anyString(), any(SqlParameterSource.class), eq(String.class))).thenAnswer(call -> {
            String after = (String) call.getArgument(1, SqlParameterSource.class).getValue("after");
            boolean inclusive = call.getArgument(0, String.class).contains(">=");
            int limit = (Integer) call.getArgument(1, SqlParameterSource.class).getValue("limit");
            return stored.stream().sorted().filter(id -> inclusive ? id.compareTo(after) >= 0 : id.compareTo(after) > 0)
                    .limit(limit).toList();
        });
        deltas = new DeltaQueries(feed, groups, mock(UserReadModel.class), memberships, jdbc);
    }

    @Test
    void splitsABigMembershipChangeOverPagesOfAtMostAThousandMembers() {
        feed.add(ENGINEERING, new GroupUpdated(state(ENGINEERING), List.of(), false));
        feed.add(ENGINEERING, new MembersAdded(ENGINEERING, users(0, 1000), false));
        feed.add(ENGINEERING, new MembersAdded(ENGINEERING, users(1000, 1000), false));
        feed.add(ENGINEERING, new MembersAdded(ENGINEERING, users(2000, 500), false));

        List<DeltaPage> pages = round(DeltaCursor.delta(Resource.GROUPS, 0, 100, List.of()));

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(page -> page.value().size()).containsOnly(1);
        assertThat(pages).extracting(page -> membersOf(page.value().get(0)).size()).containsExactly(1000, 1000, 500);
        assertThat(pages.get(2).next()).isEqualTo(DeltaCursor.delta(Resource.GROUPS, 4, 100, List.of()));
    }

    @Test
    void continuesAGroupsMembersOnTheNextPageOfTheFirstRound() {
        List<MemberRef> engineering = users(0, 1500);
        when(memberships.members(anyString(), isNull(), any(), anyInt())).thenAnswer(call -> {
            if (!call.getArgument(0).equals(ENGINEERING)) {
                return List.of();
            }
            String after = call.getArgument(2);
            int top = call.getArgument(3);
            return engineering.stream().filter(member -> after == null || member.id().compareTo(after) > 0)
                    .limit(top + 1L).toList();
        });

        List<DeltaPage> pages = round(DeltaCursor.initial(Resource.GROUPS, 7, 100, List.of("displayName", "members")));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).value()).extracting(item -> item.get("id")).containsExactly(ENGINEERING);
        assertThat(membersOf(pages.get(0).value().get(0))).hasSize(1000);
        assertThat(pages.get(1).value()).extracting(item -> item.get("id")).containsExactly(ENGINEERING, SALES, LEGAL);
        assertThat(membersOf(pages.get(1).value().get(0))).hasSize(500)
                .first().isEqualTo(Map.of("@odata.type", "#microsoft.graph.user", "id", engineering.get(1000).id()));
        assertThat(pages.get(1).next()).isEqualTo(DeltaCursor.delta(Resource.GROUPS, 7, 100,
                List.of("displayName", "members")));
    }

    @Test
    void endsAPageAtTopObjects() {
        feed.add(ENGINEERING, new GroupUpdated(state(ENGINEERING), List.of(), false));
        feed.add(SALES, new GroupUpdated(state(SALES), List.of(), false));
        feed.add(ENGINEERING, new GroupUpdated(state(ENGINEERING), List.of(), false));
        feed.add(LEGAL, new GroupUpdated(state(LEGAL), List.of(), false));

        List<DeltaPage> pages = round(DeltaCursor.delta(Resource.GROUPS, 0, 2, List.of("displayName")));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).value()).extracting(item -> item.get("id")).containsExactly(ENGINEERING, SALES);
        assertThat(pages.get(0).next().phase()).isEqualTo(Phase.CHANGES);
        assertThat(pages.get(1).value()).extracting(item -> item.get("id")).containsExactly(LEGAL);
        assertThat(pages.get(1).value().get(0)).containsOnlyKeys("id", "displayName");
    }

    @Test
    void reportsTheLastChangeOfEachMember() {
        MemberRef dan = new MemberRef("00000000-0000-4000-8000-0000000000d1", ObjectType.USER);
        MemberRef team = new MemberRef(SALES, ObjectType.GROUP);
        feed.add(ENGINEERING, new MembersAdded(ENGINEERING, List.of(dan, team), false));
        feed.add(ENGINEERING, new MembersRemoved(ENGINEERING, List.of(dan), false));

        List<Map<String, Object>> members = membersOf(single(DeltaCursor.delta(Resource.GROUPS, 0, 100, List.of())));

        assertThat(members).containsExactlyInAnyOrder(
                Map.of("@odata.type", "#microsoft.graph.group", "id", SALES),
                Map.of("@odata.type", "#microsoft.graph.user", "id", dan.id(), "@removed", Map.of("reason", "deleted")));
    }

    @Test
    void showsAGroupDeletedInTheRoundAsRemovedOnly() {
        feed.add(LEGAL, new MembersAdded(LEGAL, users(0, 3), false));
        feed.add(LEGAL, new GroupDeleted(LEGAL, "Legal", null));
        stored.remove(LEGAL);

        Map<String, Object> item = single(DeltaCursor.delta(Resource.GROUPS, 0, 100, List.of()));

        assertThat(item).isEqualTo(Map.of("id", LEGAL, "@removed", Map.of("reason", "deleted")));
    }

    @Test
    void leavesMemberChangesOutWhenTheSelectDoesNotNameMembers() {
        feed.add(SALES, new MembersAdded(SALES, users(0, 3), false));

        List<DeltaPage> pages = round(DeltaCursor.delta(Resource.GROUPS, 0, 100, List.of("displayName")));

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).value()).isEmpty();
        assertThat(pages.get(0).next().position()).isEqualTo(1);
    }

    @Test
    void answersAnEmptyPageAtTheSamePositionWhenNothingHappened() {
        feed.add(SALES, new GroupUpdated(state(SALES), List.of(), false));
        DeltaCursor since = DeltaCursor.delta(Resource.GROUPS, 1, 100, List.of());

        DeltaPage page = deltas.page(since);

        assertThat(page.value()).isEmpty();
        assertThat(page.next()).isEqualTo(since);
    }

    private List<DeltaPage> round(DeltaCursor start) {
        List<DeltaPage> pages = new ArrayList<>();
        DeltaCursor cursor = start;
        do {
            DeltaPage page = deltas.page(cursor);
            pages.add(page);
            cursor = page.next();
        } while (!pages.get(pages.size() - 1).last() && pages.size() < 100);
        return pages;
    }

    private Map<String, Object> single(DeltaCursor cursor) {
        List<DeltaPage> pages = round(cursor);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).value()).hasSize(1);
        return pages.get(0).value().get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> membersOf(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("members@delta");
    }

    private static List<MemberRef> users(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(n -> new MemberRef(String.format("00000000-0000-4000-8000-%012d", n), ObjectType.USER))
                .toList();
    }

    private static GroupState state(String id) {
        return new GroupState(id, "Group " + id.substring(id.length() - 4), null, "group", null, false, true,
                List.of(), null, null, null, false, null, null, null, null, null, null, null, "S-1-12-1-1-2-3-4",
                ExtensionAttributes.NONE);
    }

    /** Events by global index from 1, as the event store would answer them, settled up to the last one. */
    private static final class ScriptedFeed extends EventFeed {

        private final List<Event> events = new ArrayList<>();

        ScriptedFeed() {
            super(null, null, null, null);
        }

        void add(String aggregateId, Object payload) {
            events.add(new Event(events.size() + 1, aggregateId, payload));
        }

        @Override
        long settledPosition() {
            return events.size();
        }

        @Override
        List<Event> read(long after, long end, Collection<Class<?>> types, int limit) {
            return events.stream().filter(event -> event.index() > after && event.index() <= end)
                    .filter(event -> types.contains(event.payload().getClass())).limit(limit).toList();
        }
    }
}
