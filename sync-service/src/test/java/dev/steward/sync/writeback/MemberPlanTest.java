package dev.steward.sync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberPlanTest {

    private static final String ALICE = "CN=Alice,CN=Users,DC=corp,DC=example,DC=test";
    private static final String BOB = "CN=Bob,CN=Users,DC=corp,DC=example,DC=test";
    private static final String CAROL = "CN=Carol,CN=Users,DC=corp,DC=example,DC=test";
    private static final String AD_GROUP = "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test";

    @Test
    void firstWriteAddsWhatTheCloudHasAndRemovesWhatItDoesNot() {
        MemberPlan plan = MemberPlan.of(List.of(ALICE, CAROL), null,
                List.of(CloudMember.writable("a", ALICE), CloudMember.writable("b", BOB)));
        assertThat(plan.toAdd()).containsExactly(BOB);
        assertThat(plan.toRemove()).containsExactly(CAROL);
        assertThat(plan.drifted()).isFalse();
        assertThat(plan.after()).containsExactlyInAnyOrder(norm(ALICE), norm(BOB));
    }

    @Test
    void adMasteredChildGroupsAreNeitherAddedNorRemoved() {
        MemberPlan present = MemberPlan.of(List.of(AD_GROUP), null, List.of(CloudMember.adMastered("g", AD_GROUP)));
        assertThat(present.toAdd()).isEmpty();
        assertThat(present.toRemove()).isEmpty();
        MemberPlan absent = MemberPlan.of(List.of(), null, List.of(CloudMember.adMastered("g", AD_GROUP)));
        assertThat(absent.toAdd()).isEmpty();
    }

    @Test
    void cloudOnlyMembersAreCountedAsNotWritten() {
        MemberPlan plan = MemberPlan.of(List.of(), null, List.of(CloudMember.notInAd("x"), CloudMember.writable("a", ALICE)));
        assertThat(plan.skipped()).isEqualTo(1);
        assertThat(plan.toAdd()).containsExactly(ALICE);
    }

    @Test
    void valuesCompareAsDnsNotAsText() {
        MemberPlan plan = MemberPlan.of(List.of("cn=alice, cn=users, dc=corp,dc=example,dc=test"), Set.of(norm(ALICE)),
                List.of(CloudMember.writable("a", ALICE)));
        assertThat(plan.toAdd()).isEmpty();
        assertThat(plan.toRemove()).isEmpty();
        assertThat(plan.drifted()).isFalse();
    }

    @Test
    void aMemberAddedDirectlyInAdThatTheWriteWouldRemoveIsDrift() {
        MemberPlan plan = MemberPlan.of(List.of(ALICE, CAROL), Set.of(norm(ALICE)), List.of(CloudMember.writable("a", ALICE)));
        assertThat(plan.drifted()).isTrue();
        assertThat(plan.addedInAd()).containsExactly(CAROL);
        assertThat(plan.removedInAd()).isEmpty();
    }

    @Test
    void aMemberRemovedDirectlyInAdThatTheWriteWouldAddAgainIsDrift() {
        MemberPlan plan = MemberPlan.of(List.of(ALICE), Set.of(norm(ALICE), norm(BOB)),
                List.of(CloudMember.writable("a", ALICE), CloudMember.writable("b", BOB)));
        assertThat(plan.removedInAd()).containsExactly(BOB);
    }

    @Test
    void adChangesThatAgreeWithTheCloudAreNotDrift() {
        // AD gained Bob, whom the cloud added too; AD lost Carol, whom the cloud removed too.
        MemberPlan plan = MemberPlan.of(List.of(ALICE, BOB), Set.of(norm(ALICE), norm(CAROL)),
                List.of(CloudMember.writable("a", ALICE), CloudMember.writable("b", BOB)));
        assertThat(plan.drifted()).isFalse();
        assertThat(plan.toAdd()).isEmpty();
        assertThat(plan.toRemove()).isEmpty();
    }

    private static String norm(String dn) {
        return MemberPlan.normalize(dn);
    }
}
