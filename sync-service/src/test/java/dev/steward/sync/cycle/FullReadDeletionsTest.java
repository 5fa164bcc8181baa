package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.sync.cycle.FullReadDeletions.Decision;
import dev.steward.sync.cycle.FullReadDeletions.Verdict;
import dev.steward.sync.ldap.AdGroup;
import dev.steward.sync.ldap.AdUser;
import dev.steward.sync.ldap.DirectoryRead;
import dev.steward.sync.ldap.GroupType;
import dev.steward.sync.ldap.RejectedEntry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FullReadDeletionsTest {

    private static final String ALICE = "2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02";
    private static final String BOB = "3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03";
    private static final String ENGINEERING = "4c9f6083-2dbe-4b50-8f74-308b5cae0d04";
    private static final String MARKETING = "6eb182a5-4fd0-4d72-a196-52ad7ec02f06";

    @Test
    void objectsOfTheConnectorSpaceTheReadDidNotReturnAreDeleted() {
        Decision decision = FullReadDeletions.decide(List.of(ALICE, BOB, ENGINEERING, MARKETING),
                read(List.of(user(ALICE)), List.of(group(ENGINEERING)), List.of()), 500);

        assertThat(decision.verdict()).isEqualTo(Verdict.DELETE);
        assertThat(decision.missing()).containsExactlyInAnyOrder(BOB, MARKETING);
    }

    @Test
    void nothingIsDeletedWhenTheReadReturnedEverything() {
        Decision decision = FullReadDeletions.decide(List.of(ALICE, ENGINEERING),
                read(List.of(user(ALICE)), List.of(group(ENGINEERING)), List.of()), 500);

        assertThat(decision.verdict()).isEqualTo(Verdict.NOTHING_MISSING);
        assertThat(decision.missing()).isEmpty();
    }

    @Test
    void anEntryTheReadFoundButCouldNotMapIsNotDeleted() {
        Decision decision = FullReadDeletions.decide(List.of(ALICE, ENGINEERING),
                read(List.of(user(ALICE)), List.of(),
                        List.of(new RejectedEntry("CN=Engineering,OU=Groups", "bad groupType", ENGINEERING))), 500);

        assertThat(decision.verdict()).isEqualTo(Verdict.NOTHING_MISSING);
    }

    @Test
    void aReadThatReturnedNoUserAndNoGroupDeletesNothing() {
        Decision decision = FullReadDeletions.decide(List.of(ALICE, ENGINEERING), read(List.of(), List.of(),
                List.of(new RejectedEntry("CN=x", "objectGUID is missing"))), 500);

        assertThat(decision.verdict()).isEqualTo(Verdict.EMPTY_READ);
        assertThat(decision.missing()).containsExactlyInAnyOrder(ALICE, ENGINEERING);
    }

    @Test
    void moreMissingObjectsThanTheThresholdDeleteNone() {
        List<String> known = IntStream.range(0, 12).mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i))
                .toList();
        DirectoryRead read = read(List.of(user(known.get(0))), List.of(), List.of());

        assertThat(FullReadDeletions.decide(known, read, 10).verdict()).isEqualTo(Verdict.OVER_THRESHOLD);
        assertThat(FullReadDeletions.decide(known, read, 11).verdict()).isEqualTo(Verdict.DELETE);
        assertThat(FullReadDeletions.decide(known, read, 0).verdict()).as("no limit").isEqualTo(Verdict.DELETE);
    }

    private static DirectoryRead read(List<AdUser> users, List<AdGroup> groups, List<RejectedEntry> rejected) {
        return new DirectoryRead(users, groups, rejected, true);
    }

    private static AdUser user(String anchor) {
        return new AdUser(anchor, "CN=" + anchor + ",CN=Users,DC=corp,DC=example,DC=test", anchor,
                anchor + "@corp.example.test", anchor, null, null, anchor);
    }

    private static AdGroup group(String anchor) {
        return new AdGroup(anchor, "CN=" + anchor + ",OU=Groups,DC=corp,DC=example,DC=test", anchor, anchor, anchor,
                null, null, null, GroupType.of(GroupType.AD_DEFAULT), null, null, List.of(), null);
    }
}
