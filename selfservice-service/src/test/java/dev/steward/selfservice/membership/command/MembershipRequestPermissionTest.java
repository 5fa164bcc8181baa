package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.membership.MembershipRequestRefused;
import dev.steward.selfservice.membership.RefusalReason;
import dev.steward.selfservice.support.TestCallers;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipRequestPermissionTest {

    private final MembershipRequestPermission permission = new MembershipRequestPermission();

    @Test
    void signedInUserWithGroupMemberWriteScopeRequestsForThemselves() {
        var bob = TestCallers.user("bob", List.of(Permissions.GROUP_READ_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL));

        assertThat(permission.requesterFor(bob, null)).isEqualTo("bob");
        assertThat(permission.requesterFor(bob, "")).isEqualTo("bob");
        assertThat(permission.requesterFor(bob, "bob")).isEqualTo("bob");
    }

    @Test
    void signedInUserWithGroupWriteScopeRequestsForThemselves() {
        var bob = TestCallers.user("bob", List.of(Permissions.GROUP_READWRITE_ALL));

        assertThat(permission.requesterFor(bob, null)).isEqualTo("bob");
    }

    @Test
    void refusesSignedInUserWithoutWriteScope() {
        var reader = TestCallers.user("bob", List.of(Permissions.GROUP_READ_ALL, Permissions.GROUP_MEMBER_READ_ALL, "User.Read"));

        assertThatThrownBy(() -> permission.requesterFor(reader, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesUserRequestingForSomeoneElse() {
        var bob = TestCallers.user("bob", List.of(Permissions.GROUP_MEMBER_READWRITE_ALL));

        assertThatThrownBy(() -> permission.requesterFor(bob, "carol")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void groupAdministratorsMayRequestForAnotherUser() {
        for (String role : DirectoryRoles.GROUP_ADMINS) {
            var admin = TestCallers.user("admin", List.of(Permissions.GROUP_READWRITE_ALL), role);

            assertThat(permission.requesterFor(admin, "carol")).isEqualTo("carol");
        }
    }

    @Test
    void refusesAdministratorWithoutWriteScope() {
        var admin = TestCallers.user("admin", List.of(Permissions.GROUP_READ_ALL), DirectoryRoles.GROUPS_ADMINISTRATOR);

        assertThatThrownBy(() -> permission.requesterFor(admin, "carol")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesOtherDirectoryRolesRequestingForAnotherUser() {
        var hybridAdmin = TestCallers.user("admin", List.of(Permissions.GROUP_READWRITE_ALL),
                DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR);

        assertThatThrownBy(() -> permission.requesterFor(hybridAdmin, "carol")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void applicationWithGroupMemberRoleRequestsOnBehalfOfNamedUser() {
        var app = TestCallers.app("app-1", Permissions.GROUP_MEMBER_READWRITE_ALL);

        assertThat(permission.requesterFor(app, "carol")).isEqualTo("carol");
    }

    @Test
    void refusesApplicationWithoutGroupMemberRole() {
        var app = TestCallers.app("app-1", Permissions.GROUP_READ_ALL, Permissions.GROUP_MEMBER_READ_ALL);

        assertThatThrownBy(() -> permission.requesterFor(app, "carol")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesApplicationThatNamesNoUser() {
        var app = TestCallers.app("app-1", Permissions.GROUP_MEMBER_READWRITE_ALL);

        assertThatThrownBy(() -> permission.requesterFor(app, null))
                .isInstanceOfSatisfying(MembershipRequestRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.INVALID_REQUEST))
                .hasMessageContaining("requesterId");
    }
}
