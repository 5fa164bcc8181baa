package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import org.junit.jupiter.api.Test;

class JoinEligibilityPolicyTest {

    private final GroupFixture fixture = GroupFixture.cloudSecurityGroup().ownedBy("alice").withMembers("bob");
    private final JoinEligibilityPolicy policy = new JoinEligibilityPolicy(
            (groupId, objectId) -> groupId.equals(fixture.id()) && fixture.memberIds().contains(objectId));

    @Test
    void acceptsUserWhoIsNotAMember() {
        var group = fixture.known();

        assertThatCode(() -> policy.check(group, "carol")).doesNotThrowAnyException();
    }

    @Test
    void acceptsOwnerWhoIsNotAMember() {
        var group = fixture.known();

        assertThatCode(() -> policy.check(group, "alice")).doesNotThrowAnyException();
    }

    @Test
    void rejectsUserWhoIsAlreadyAMember() {
        var group = fixture.known();

        assertThatThrownBy(() -> policy.check(group, "bob"))
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.ALREADY_A_MEMBER))
                .hasMessageContaining("already a member");
    }
}
