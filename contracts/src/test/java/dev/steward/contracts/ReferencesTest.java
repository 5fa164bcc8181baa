package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.SyncGroupMembership;
import dev.steward.contracts.event.MembersAdded;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "id-" + i).toList();
    }

    @Test
    void refusesAMemberCommandOverAThousandIds() {
        assertThat(new AddMembers(Samples.command(), Samples.GROUP_ID, ids(1_000)).memberIds()).hasSize(1_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddMembers(Samples.command(), Samples.GROUP_ID, ids(1_001)))
                .withMessageContaining("at most 1000");
    }

    @Test
    void refusesAMemberEventOverAThousandIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MembersAdded(Samples.event(Samples.GROUP_ID),
                Samples.GROUP_ID, ids(1_001).stream().map(dev.steward.contracts.event.DirectoryObjectRef::user)
                        .toList(), false));
    }

    @Test
    void boundsASyncMembershipChunkByAllFourListsTogether() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SyncGroupMembership(Samples.command(),
                Samples.GROUP_ID, Samples.GROUP_ANCHOR, ids(600), List.of(), List.of(), ids(500), Samples.AT))
                .withMessageContaining("1100");
    }

    @Test
    void refusesAnIdBothAddedAndRemovedInOneChunk() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SyncGroupMembership(Samples.command(),
                Samples.GROUP_ID, Samples.GROUP_ANCHOR, List.of("a"), List.of("a"), List.of(), List.of(), Samples.AT));
    }

    @Test
    void dropsDuplicateIdsAndRefusesBlankOnes() {
        assertThat(new AddMembers(Samples.command(), Samples.GROUP_ID, List.of("a", "b", "a")).memberIds())
                .containsExactly("a", "b");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddMembers(Samples.command(), Samples.GROUP_ID, List.of(" ")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddMembers(Samples.command(), Samples.GROUP_ID, List.of()));
    }

    @Test
    void splitsIntoChunksOfAtMostTheGivenSize() {
        assertThat(References.chunks(ids(2_500), 1_000)).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(References.chunks(List.of(), 1_000)).isEmpty();
    }
}
