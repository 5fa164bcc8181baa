package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SinglePendingRequestPolicyTest {

    private final GroupFixture engineering = GroupFixture.cloudSecurityGroup().named("Engineering").ownedBy("alice");
    private final Set<String> pending = Set.of(engineering.id() + "/bob");
    private final SinglePendingRequestPolicy policy =
            new SinglePendingRequestPolicy((groupId, requesterId) -> pending.contains(groupId + "/" + requesterId));

    @Test
    void acceptsFirstRequestOfAUserForAGroup() {
        assertThatCode(() -> policy.check(engineering.known(), "carol")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(GroupFixture.cloudSecurityGroup().known(), "bob")).doesNotThrowAnyException();
    }

    @Test
    void rejectsSecondRequestWhileOneIsPending() {
        assertThatThrownBy(() -> policy.check(engineering.known(), "bob"))
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.REQUEST_ALREADY_PENDING))
                .hasMessageContaining("already pending");
    }
}
