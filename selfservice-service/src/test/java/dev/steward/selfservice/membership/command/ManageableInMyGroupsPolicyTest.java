package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ManageableInMyGroupsPolicyTest {

    private final ManageableInMyGroupsPolicy policy = new ManageableInMyGroupsPolicy();

    @Test
    void acceptsCloudSecurityGroup() {
        assertThatCode(() -> policy.check(GroupFixture.cloudSecurityGroup().known())).doesNotThrowAnyException();
    }

    @Test
    void acceptsMicrosoft365Group() {
        assertThatCode(() -> policy.check(GroupFixture.microsoft365Group().known())).doesNotThrowAnyException();
    }

    @Test
    void acceptsSecurityGroupWhoseSourceOfAuthorityMovedToCloud() {
        assertThatCode(() -> policy.check(GroupFixture.adMasteredSecurityGroup().switchedToCloud().known()))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsRolledBackGroupUntilTheSyncEngineTakesItOver() {
        assertThatCode(() -> policy.check(GroupFixture.adMasteredSecurityGroup().rolledBackAwaitingSync().known()))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsGroupMasteredOnPremises() {
        assertRefused(() -> policy.check(GroupFixture.adMasteredSecurityGroup().known()), "mastered on-premises");
    }

    @Test
    void rejectsMailEnabledSecurityGroup() {
        assertRefused(() -> policy.check(GroupFixture.mailEnabledSecurityGroup().known()), "mail-enabled security group");
    }

    @Test
    void rejectsDistributionGroup() {
        assertRefused(() -> policy.check(GroupFixture.distributionGroup().known()), "distribution group");
    }

    @Test
    void rejectsDynamicGroup() {
        assertRefused(() -> policy.check(GroupFixture.dynamicSecurityGroup().known()), "dynamic membership");
    }

    private static void assertRefused(ThrowingCallable check, String why) {
        assertThatThrownBy(check)
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                .isEqualTo(RefusalReason.GROUP_NOT_MANAGEABLE))
                .hasMessageContaining(why);
    }
}
