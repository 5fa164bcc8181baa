package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import org.junit.jupiter.api.Test;

class JoinEligibilityPolicyTest {

    private final JoinEligibilityPolicy policy = new JoinEligibilityPolicy();

    @Test
    void acceptsUserWhoIsNotAMember() {
        var group = GroupFixture.cloudSecurityGroup().ownedBy("alice").withMembers("bob").known();

        assertThatCode(() -> policy.check(group, "carol")).doesNotThrowAnyException();
    }

    @Test
    void acceptsOwnerWhoIsNotAMember() {
        var group = GroupFixture.cloudSecurityGroup().ownedBy("alice").withMembers("bob").known();

        assertThatCode(() -> policy.check(group, "alice")).doesNotThrowAnyException();
    }

    @Test
    void rejectsUserWhoIsAlreadyAMember() {
        var group = GroupFixture.cloudSecurityGroup().ownedBy("alice").withMembers("bob").known();

        assertThatThrownBy(() -> policy.check(group, "bob"))
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.ALREADY_A_MEMBER))
                .hasMessageContaining("already a member");
    }
}
