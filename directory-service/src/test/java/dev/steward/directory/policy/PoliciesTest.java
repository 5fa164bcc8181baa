package dev.steward.directory.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final String OWNER = "11111111-1111-4111-8111-111111111111";

    @Nested
    class GroupRead {

        @Test
        void allowsAnyGroupOrDirectoryReadPermission() {
            for (String permission : List.of(Permissions.GROUP_READ_ALL, Permissions.GROUP_READWRITE_ALL,
                    Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL)) {
                assertThat(GroupReadPolicy.allows(user(Set.of(permission), Set.of()))).isTrue();
                assertThat(GroupReadPolicy.allows(app(permission))).isTrue();
            }
        }

        @Test
        void refusesCallerWithoutReadPermission() {
            assertThatThrownBy(() -> GroupReadPolicy.check(user(Set.of("User.Read"), Set.of())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(GroupReadPolicy.allows(app(Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL)))
                    .isFalse();
        }
    }

    @Nested
    class GroupWrite {

        @Test
        void allowsGroupAdministratorWithWritePermission() {
            assertThat(GroupWritePolicy.allows(user(Set.of(Permissions.GROUP_READWRITE_ALL),
                    Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)), List.of())).isTrue();
        }

        @Test
        void allowsOwnerWithWritePermission() {
            assertThat(GroupWritePolicy.allows(user(Set.of(Permissions.GROUP_READWRITE_ALL), Set.of()),
                    List.of(OWNER))).isTrue();
        }

        @Test
        void refusesSignedInUserWhoIsNeitherAdminNorOwner() {
            assertThatThrownBy(() -> GroupWritePolicy.check(user(Set.of(Permissions.GROUP_READWRITE_ALL), Set.of()),
                    List.of("someone-else"))).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void refusesReadOnlyPermissionEvenForAdmins() {
            assertThat(GroupWritePolicy.allows(user(Set.of(Permissions.GROUP_READ_ALL),
                    Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR)), List.of(OWNER))).isFalse();
        }

        @Test
        void allowsAppWithWriteRole() {
            assertThat(GroupWritePolicy.allows(app(Permissions.DIRECTORY_READWRITE_ALL), List.of())).isTrue();
        }
    }

    @Nested
    class SourceOfAuthority {

        @Test
        void allowsSwitchForEachSourceOfAuthorityAdminRole() {
            for (String role : DirectoryRoles.SOURCE_OF_AUTHORITY_ADMINS) {
                assertThat(SourceOfAuthorityPolicy.allowsSwitch(user(
                        Set.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL), Set.of(role)))).isTrue();
            }
        }

        @Test
        void refusesSwitchWithoutAdminRole() {
            assertThatThrownBy(() -> SourceOfAuthorityPolicy.checkSwitch(user(
                    Set.of(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL),
                    Set.of(DirectoryRoles.USER_ADMINISTRATOR)))).isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void refusesSwitchWithoutPermission() {
            assertThat(SourceOfAuthorityPolicy.allowsSwitch(user(Set.of(Permissions.GROUP_READWRITE_ALL),
                    Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)))).isFalse();
            assertThat(SourceOfAuthorityPolicy.allowsSwitch(app(Permissions.GROUP_READWRITE_ALL))).isFalse();
        }

        @Test
        void allowsAppWithTheApplicationRole() {
            assertThat(SourceOfAuthorityPolicy.allowsSwitch(app(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL)))
                    .isTrue();
        }

        @Test
        void allowsReadWithReadPermissionOrSwitchPermission() {
            assertThat(SourceOfAuthorityPolicy.allowsRead(user(Set.of(Permissions.GROUP_READ_ALL), Set.of())))
                    .isTrue();
            assertThat(SourceOfAuthorityPolicy.allowsRead(app(Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL)))
                    .isTrue();
            assertThatThrownBy(() -> SourceOfAuthorityPolicy.checkRead(user(Set.of("User.Read"), Set.of())))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class DirectorySync {

        @Test
        void allowsOnlyAppsWithTheSynchronizationRole() {
            assertThat(DirectorySyncPolicy.allows(app(Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL)))
                    .isTrue();
            assertThat(DirectorySyncPolicy.allows(app(Permissions.DIRECTORY_READWRITE_ALL))).isFalse();
        }

        @Test
        void refusesSignedInUsersWhateverTheirScopes() {
            assertThatThrownBy(() -> DirectorySyncPolicy.check(user(
                    Set.of(Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL),
                    Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR)))).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class GroupCreate {

        @Test
        void allowsGroupAdminsAndApps() {
            assertThat(GroupCreatePolicy.allows(user(Set.of(Permissions.GROUP_READWRITE_ALL),
                    Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)))).isTrue();
            assertThat(GroupCreatePolicy.allows(app(Permissions.GROUP_READWRITE_ALL))).isTrue();
        }

        @Test
        void refusesUsersWithoutAdminRole() {
            assertThatThrownBy(() -> GroupCreatePolicy.check(user(Set.of(Permissions.GROUP_READWRITE_ALL), Set.of())))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    class UserRead {

        @Test
        void allowsUserOrDirectoryReadPermission() {
            assertThat(UserReadPolicy.allows(user(Set.of(UserReadPolicy.USER_READ_ALL), Set.of()))).isTrue();
            assertThat(UserReadPolicy.allows(app(Permissions.DIRECTORY_READ_ALL))).isTrue();
        }

        @Test
        void refusesGroupReadersAndSignedInUsersReadingThemselves() {
            assertThatThrownBy(() -> UserReadPolicy.check(user(Set.of(Permissions.GROUP_READ_ALL, "User.Read"),
                    Set.of()))).isInstanceOf(AccessDeniedException.class);
        }
    }

    private static Caller user(Set<String> scopes, Set<String> wids) {
        return new Caller(OWNER, "user@corp.example.test", "User", "app-id", "app", null, scopes, Set.of(), wids);
    }

    private static Caller app(String... roles) {
        return Caller.app("app-id", "app", roles);
    }
}
