package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.selfservice.directory.JoinPolicy;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.GroupFixture;
import org.junit.jupiter.api.Test;

class JoinPolicyRuleTest {

    private final JoinPolicyRule rule = new JoinPolicyRule();

    @Test
    void anOpenGroupIsJoinedAtOnce() {
        assertThat(rule.joinsAtOnce(GroupFixture.cloudSecurityGroup().joining(JoinPolicy.OPEN).known())).isTrue();
    }

    @Test
    void anOwnerApprovalGroupWaitsForAnOwner() {
        assertThat(rule.joinsAtOnce(GroupFixture.cloudSecurityGroup().joining(JoinPolicy.OWNER_APPROVAL).known()))
                .isFalse();
    }

    @Test
    void aClosedGroupTakesNoRequests() {
        assertThatThrownBy(() -> rule.joinsAtOnce(GroupFixture.cloudSecurityGroup().named("Payroll")
                .joining(JoinPolicy.CLOSED).known()))
                .isInstanceOfSatisfying(MembershipRequestRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.GROUP_CLOSED);
                    assertThat(e.getMessage()).contains("'Payroll' is closed");
                });
    }

    @Test
    void groupsFromTheDirectorysApiDefaultToClosedSecurityAndOpenMicrosoft365() {
        assertThat(JoinPolicy.defaultFor(GroupFixture.cloudSecurityGroup().snapshot())).isEqualTo(JoinPolicy.CLOSED);
        assertThat(JoinPolicy.defaultFor(GroupFixture.microsoft365Group().snapshot())).isEqualTo(JoinPolicy.OPEN);
    }
}
