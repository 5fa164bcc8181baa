package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.directory.KnownGroup;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.TestCallers;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberManagementPermissionTest {

    private static final List<String> SCOPES = List.of(Permissions.GROUP_MEMBER_READWRITE_ALL);
    private final MemberManagementPermission permission = new MemberManagementPermission();
    private final KnownGroup alicesGroup = GroupFixture.cloudSecurityGroup().ownedBy("alice").known();

    @Test
    void aCurrentOwnerManagesTheMembersOfTheirGroup() {
        assertThatCode(() -> permission.checkMayManageMembers(TestCallers.user("alice", SCOPES), alicesGroup))
                .doesNotThrowAnyException();
    }

    @Test
    void anOwnerOfAnotherGroupOrAMemberDoesNotManageThisGroupsMembers() {
        KnownGroup bobsGroup = GroupFixture.cloudSecurityGroup().ownedBy("bob").withMembers("alice").known();

        assertThatThrownBy(() -> permission.checkMayManageMembers(TestCallers.user("alice", SCOPES), bobsGroup))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> permission.checkMayManageMembers(TestCallers.user("bob", SCOPES), alicesGroup))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void groupAdministratorsManageTheMembersOfEveryGroup() {
        for (String role : DirectoryRoles.GROUP_ADMINS) {
            assertThatCode(() -> permission.checkMayManageMembers(TestCallers.user("admin", SCOPES, role),
                    alicesGroup)).doesNotThrowAnyException();
        }
    }

    @Test
    void aDirectoryRoleThatIsNoGroupAdministratorDoesNotHelp() {
        assertThatThrownBy(() -> permission.checkMayManageMembers(TestCallers.user("dev", SCOPES,
                DirectoryRoles.CLOUD_APPLICATION_ADMINISTRATOR), alicesGroup)).isInstanceOf(AccessDeniedException.class);
    }
}
