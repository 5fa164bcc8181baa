package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ManageableInMyGroupsPolicyTest {

    private final ManageableInMyGroupsPolicy policy = new ManageableInMyGroupsPolicy();

    /** Same Source of Authority fields as a rolled-back group, but no on-premises anchor: nothing to take it over. */
    @Test
    void acceptsGroupCreatedInTheCloud() {
        KnownGroup cloud = GroupFixture.cloudSecurityGroup().known();
        assertThat(cloud.onPremisesAnchor()).isNull();
        assertThat(cloud.isCloudManaged()).isFalse();
        assertThat(cloud.onPremisesSyncEnabled()).isNull();

        assertThatCode(() -> policy.check(cloud)).doesNotThrowAnyException();
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
    void rejectsRolledBackGroupAwaitingTakeoverBySync() {
        KnownGroup rolledBack = GroupFixture.adMasteredSecurityGroup().named("Engineering").switchedToCloud()
                .rolledBackAwaitingSync().known();
        assertThat(rolledBack.onPremisesAnchor()).isNotNull();
        assertThat(rolledBack.isCloudManaged()).isFalse();
        assertThat(rolledBack.onPremisesSyncEnabled()).isNull();

        assertRefused(() -> policy.check(rolledBack), "Group 'Engineering' is mastered on-premises");
        assertRefused(() -> policy.check(rolledBack), "rolled back to Active Directory");
    }

    @Test
    void rejectsGroupMasteredOnPremises() {
        assertRefused(() -> policy.check(GroupFixture.adMasteredSecurityGroup().named("Engineering").known()),
                "Group 'Engineering' is mastered on-premises (its Source of Authority is Active Directory)");
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
                        e -> assertThat(e.reason())
                                .isEqualTo(RefusalReason.GROUP_NOT_MANAGEABLE))
                .hasMessageContaining(why);
    }
}
