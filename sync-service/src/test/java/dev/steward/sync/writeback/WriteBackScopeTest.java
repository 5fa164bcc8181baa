package dev.steward.sync.writeback;

import static dev.steward.sync.writeback.NewGroupScopeTest.properties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.event.GroupKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBackScopeTest {

    private static final String CLOUD_ID = "11111111-1111-4111-8111-111111111111";
    private static final String ANCHOR = "22222222-2222-4222-8222-222222222222";

    @Test
    void allSecurityGroupsTakesCloudNativeAndSoaConvertedSecurityGroups() {
        WriteBackScope scope = new WriteBackScope(properties("all-security-groups", null, null));
        assertThat(scope.exclusion(group(GroupKind.SECURITY, null, false, "Cloud"))).isEmpty();
        assertThat(scope.exclusion(group(GroupKind.SECURITY, ANCHOR, true, "Converted"))).isEmpty();
    }

    @Test
    void groupsMasteredByAdAreNotWrittenBack() {
        WriteBackScope scope = new WriteBackScope(properties("all-security-groups", null, null));
        assertThat(scope.exclusion(group(GroupKind.SECURITY, ANCHOR, false, "Synced"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("mastered by AD"));
    }

    @Test
    void mailEnabledDistributionAndMicrosoft365GroupsAreNotWrittenBack() {
        WriteBackScope scope = new WriteBackScope(properties("all-security-groups", null, null));
        for (GroupKind kind : List.of(GroupKind.MAIL_ENABLED_SECURITY, GroupKind.DISTRIBUTION, GroupKind.MICROSOFT_365)) {
            assertThat(scope.exclusion(group(kind, null, false, "Mail"))).as(kind.name())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("not a security group"));
        }
    }

    @Test
    void selectedGroupsTakesOnlyTheListedIds() {
        WriteBackScope scope = new WriteBackScope(properties("selected-groups", List.of(CLOUD_ID), null));
        assertThat(scope.exclusion(group(GroupKind.SECURITY, null, false, "Cloud"))).isEmpty();
        WriteBackGroup other = new WriteBackGroup("33333333-3333-4333-8333-333333333333", "Other", null,
                GroupKind.SECURITY, false, null, false, null, 1, null, null, null, null, null, WriteBackStatus.PENDING, null, 0,
                0, null, null);
        assertThat(scope.exclusion(other)).hasValue("not one of the selected groups");
    }

    @Test
    void displayNamePrefixesNarrowTheScopeIgnoringCase() {
        WriteBackScope scope = new WriteBackScope(properties("all-security-groups", null, List.of("APP-", "Team ")));
        assertThat(scope.exclusion(group(GroupKind.SECURITY, null, false, "app-Payroll"))).isEmpty();
        assertThat(scope.exclusion(group(GroupKind.SECURITY, null, false, "Team Blue"))).isEmpty();
        assertThat(scope.exclusion(group(GroupKind.SECURITY, null, false, "Payroll"))).isPresent();
    }

    private static WriteBackGroup group(GroupKind kind, String anchor, boolean cloudManaged, String displayName) {
        return new WriteBackGroup(CLOUD_ID, displayName, null, kind, cloudManaged, anchor, false, null, 1, null, null, null,
                null, null, WriteBackStatus.PENDING, null, 0, 0, null, null);
    }
}
