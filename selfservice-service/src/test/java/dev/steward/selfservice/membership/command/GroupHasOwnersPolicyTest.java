package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import org.junit.jupiter.api.Test;

class GroupHasOwnersPolicyTest {

    private final GroupHasOwnersPolicy policy = new GroupHasOwnersPolicy();

    @Test
    void acceptsGroupWithAnOwner() {
        assertThatCode(() -> policy.check(GroupFixture.cloudSecurityGroup().ownedBy("alice").known()))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsGroupWithoutOwners() {
        assertThatThrownBy(() -> policy.check(GroupFixture.cloudSecurityGroup().named("Orphans").known()))
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.GROUP_HAS_NO_OWNERS))
                .hasMessageContaining("'Orphans' has no owners");
    }
}
