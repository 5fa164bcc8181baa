package dev.steward.sync.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.References;
import dev.steward.contracts.command.SyncGroupMembership;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class MembershipChangeTest {

    private static final String ANCHOR = "4c9f6083-2dbe-4b50-8f74-308b5cae0d04";

    @Test
    void aFirstExportIsAllAdditions() {
        Membership now = new Membership(List.of("m2", "m1"), List.of("o1"));

        MembershipChange change = MembershipChange.between(Membership.NONE, now);

        assertThat(change).isEqualTo(new MembershipChange(List.of("m1", "m2"), List.of(), List.of("o1"), List.of()));
    }

    @Test
    void aLaterExportCarriesOnlyTheDifferences() {
        Membership exported = new Membership(List.of("m1", "m2", "m3"), List.of("o1"));
        Membership now = new Membership(List.of("m2", "m3", "m4"), List.of("o2"));

        MembershipChange change = MembershipChange.between(exported, now);

        assertThat(change).isEqualTo(new MembershipChange(List.of("m4"), List.of("m1"), List.of("o2"), List.of("o1")));
        assertThat(exported.apply(change)).isEqualTo(now);
        assertThat(MembershipChange.between(now, now).isEmpty()).isTrue();
        assertThat(MembershipChange.between(now, now).chunks(References.MAX_PER_MESSAGE)).isEmpty();
    }

    @Test
    void sendsFirstSyncMembershipAsAdditionsInChunksOfAThousand() {
        List<String> members = IntStream.range(0, 2_500).mapToObj(i -> UUID.randomUUID().toString()).toList();
        MembershipChange change = MembershipChange.between(Membership.NONE, new Membership(members, List.of("owner")));

        List<MembershipChange> chunks = change.chunks(References.MAX_PER_MESSAGE);

        assertThat(chunks).map(MembershipChange::size).containsExactly(1_000, 1_000, 501);
        assertThat(chunks.stream().flatMap(c -> c.addedMemberIds().stream())).containsExactlyElementsOf(change.addedMemberIds());
        assertThat(chunks.get(2).addedOwnerIds()).containsExactly("owner");
        List<SyncGroupMembership> commands = chunks.stream().map(c -> c.command(
                CommandMetadata.of(UUID.randomUUID(), Instant.EPOCH, "cycle"), DirectoryIds.fromAnchor(ANCHOR), ANCHOR,
                Instant.EPOCH)).toList();
        assertThat(commands).hasSize(3).allSatisfy(command -> assertThat(command.groupId()).isEqualTo(DirectoryIds.fromAnchor(ANCHOR)));
    }

    @Test
    void aChunkCountsTheIdsOfAllFourListsTogether() {
        MembershipChange change = new MembershipChange(List.of("a1", "a2"), List.of("r1", "r2"), List.of("o1"), List.of("x1"));

        List<MembershipChange> chunks = change.chunks(3);

        assertThat(chunks).containsExactly(
                new MembershipChange(List.of("a1", "a2"), List.of("r1"), List.of(), List.of()),
                new MembershipChange(List.of(), List.of("r2"), List.of("o1"), List.of("x1")));
    }

    @Test
    void aChunkReadsBackFromItsStoredJson() {
        MembershipChange change = new MembershipChange(List.of("a1"), List.of("r1"), List.of("o1"), List.of("x1"));

        String json = ExportedValues.toJson(change);

        assertThat(ExportedValues.fromJson(json, new TypeReference<MembershipChange>() { })).as(json).isEqualTo(change);
    }
}
