package dev.steward.selfservice.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.TestCallers;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantRestrictionsTest {

    private static final List<String> SCOPES = List.of(Permissions.GROUP_MEMBER_READWRITE_ALL);
    private final MutableSettings settings = new MutableSettings();
    private final TenantRestrictions restrictions = new TenantRestrictions(settings);
    private final dev.steward.platform.security.Caller user = TestCallers.user("carol", SCOPES);
    private final dev.steward.platform.security.Caller admin = TestCallers.user("admin", SCOPES, DirectoryRoles.GROUPS_ADMINISTRATOR);

    @Test
    void restrictedGroupsAccessLocksOutUsersButNotAdministrators() {
        assertThatCode(() -> restrictions.checkGroupsAccess(user)).doesNotThrowAnyException();
        settings.now = new TenantSettings(true, true, false);

        assertThatThrownBy(() -> restrictions.checkGroupsAccess(user)).isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> restrictions.checkGroupsAccess(admin)).doesNotThrowAnyException();
    }

    @Test
    void restrictedSecurityGroupsAreHiddenFromUsersOnly() {
        var security = GroupFixture.cloudSecurityGroup().known();
        var unified = GroupFixture.microsoft365Group().known();
        settings.now = new TenantSettings(true, false, true);

        assertThat(restrictions.maySee(user, security)).isFalse();
        assertThat(restrictions.maySee(user, unified)).isTrue();
        assertThat(restrictions.maySee(admin, security)).isTrue();
        assertThatThrownBy(() -> restrictions.checkMaySee(user, security)).isInstanceOf(MembershipRequestRefused.class);
    }

    @Test
    void ownersManageRequestsOnlyWhileTheTenantLetsThem() {
        assertThatCode(() -> restrictions.checkOwnersManageRequests(user)).doesNotThrowAnyException();
        settings.now = new TenantSettings(false, false, false);

        assertThatThrownBy(() -> restrictions.checkOwnersManageRequests(user)).isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> restrictions.checkOwnersManageRequests(admin)).doesNotThrowAnyException();
    }

    /** The settings a test sets, instead of the database row. */
    private static final class MutableSettings extends TenantSettingsStore {

        TenantSettings now = new TenantSettings(true, false, false);

        MutableSettings() {
            super(null);
        }

        @Override
        public TenantSettings current() {
            return now;
        }
    }
}
