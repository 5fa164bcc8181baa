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

        private final GroupCreationSettings nothingAllowed = new GroupCreationSettings() {
            @Override
            public boolean usersMayCreateSecurityGroups() {
                return false;
            }

            @Override
            public boolean userMayCreateMicrosoft365Groups(String userId) {
                return "allowed-user".equals(userId);
            }
        };

        @Test
        void allowsGroupAdminsAndAppsWhateverTheSettings() {
            for (String role : DirectoryRoles.GROUP_ADMINS) {
                assertThat(GroupCreatePolicy.allows(user(Set.of(Permissions.GROUP_READWRITE_ALL), Set.of(role)),
                        false, nothingAllowed)).isTrue();
            }
            assertThat(GroupCreatePolicy.allows(app(Permissions.GROUP_READWRITE_ALL), true, nothingAllowed)).isTrue();
            assertThat(GroupCreatePolicy.allows(app(Permissions.GROUP_CREATE), false, nothingAllowed)).isTrue();
        }

        @Test
        void allowsOrdinaryUsersWhatTheDefaultSettingsAllow() {
            Caller user = user(Set.of(Permissions.GROUP_CREATE), Set.of());
            assertThat(GroupCreatePolicy.allows(user, false, GroupCreationSettings.DEFAULTS)).isTrue();
            assertThat(GroupCreatePolicy.allows(user, true, GroupCreationSettings.DEFAULTS)).isTrue();
        }

        @Test
        void refusesOrdinaryUsersWhatTheSettingsForbid() {
            Caller user = user(Set.of(Permissions.GROUP_READWRITE_ALL), Set.of());
            assertThatThrownBy(() -> GroupCreatePolicy.check(user, false, nothingAllowed))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(GroupCreatePolicy.allows(user, true, nothingAllowed)).isFalse();
        }

        @Test
        void allowsMicrosoft365GroupsToMembersOfTheAllowedGroup() {
            Caller allowed = new Caller("allowed-user", "a@corp.example.test", "A", "app", "App", null,
                    Set.of(Permissions.GROUP_READWRITE_ALL), Set.of(), Set.of());
            assertThat(GroupCreatePolicy.allows(allowed, true, nothingAllowed)).isTrue();
            assertThat(GroupCreatePolicy.allows(allowed, false, nothingAllowed)).isFalse();
        }

        @Test
        void refusesEveryoneWithoutAWritePermission() {
            assertThat(GroupCreatePolicy.allows(user(Set.of(Permissions.GROUP_READ_ALL),
                    Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR)), false, GroupCreationSettings.DEFAULTS)).isFalse();
            assertThat(GroupCreatePolicy.allows(app(Permissions.GROUP_MEMBER_READWRITE_ALL), false,
                    GroupCreationSettings.DEFAULTS)).isFalse();
        }
    }

    @Nested
    class TenantSettings {

        @Test
        void readsAuthorizationPolicyWithPolicyOrDirectoryReadPermission() {
            for (String permission : List.of(Permissions.POLICY_READ_ALL, Permissions.POLICY_READWRITE_AUTHORIZATION,
                    Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL)) {
                assertThat(TenantSettingsPolicy.allowsReadAuthorizationPolicy(user(Set.of(permission), Set.of())))
                        .isTrue();
            }
            assertThat(TenantSettingsPolicy.allowsReadAuthorizationPolicy(user(Set.of(Permissions.GROUP_READ_ALL),
                    Set.of()))).isFalse();
        }

        @Test
        void updatesAuthorizationPolicyOnlyAsGlobalOrPrivilegedRoleAdministrator() {
            Set<String> scope = Set.of(Permissions.POLICY_READWRITE_AUTHORIZATION);
            assertThat(TenantSettingsPolicy.allowsUpdateAuthorizationPolicy(user(scope,
                    Set.of(DirectoryRoles.PRIVILEGED_ROLE_ADMINISTRATOR)))).isTrue();
            assertThat(TenantSettingsPolicy.allowsUpdateAuthorizationPolicy(user(scope,
                    Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)))).isFalse();
            assertThat(TenantSettingsPolicy.allowsUpdateAuthorizationPolicy(app(
                    Permissions.POLICY_READWRITE_AUTHORIZATION))).isTrue();
            assertThat(TenantSettingsPolicy.allowsUpdateAuthorizationPolicy(app(Permissions.DIRECTORY_READWRITE_ALL)))
                    .isFalse();
        }

        @Test
        void writesGroupSettingsWithDirectoryWritePermissionAndAGroupAdminRole() {
            Set<String> scope = Set.of(Permissions.DIRECTORY_READWRITE_ALL);
            assertThat(TenantSettingsPolicy.allowsWriteGroupSettings(user(scope,
                    Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)))).isTrue();
            assertThat(TenantSettingsPolicy.allowsWriteGroupSettings(user(scope, Set.of()))).isFalse();
            assertThat(TenantSettingsPolicy.allowsWriteGroupSettings(app(Permissions.DIRECTORY_READ_ALL))).isFalse();
            assertThat(TenantSettingsPolicy.allowsReadGroupSettings(app(Permissions.DIRECTORY_READ_ALL))).isTrue();
        }
    }

    @Nested
    class UserWrite {

        @Test
        void allowsUserAdministratorsAndApps() {
            assertThat(UserWritePolicy.allows(user(Set.of(Permissions.USER_READWRITE_ALL),
                    Set.of(DirectoryRoles.USER_ADMINISTRATOR)))).isTrue();
            assertThat(UserWritePolicy.allows(app(Permissions.USER_READWRITE_ALL))).isTrue();
        }

        @Test
        void refusesGroupsAdministratorsAndReaders() {
            assertThatThrownBy(() -> UserWritePolicy.check(user(Set.of(Permissions.USER_READWRITE_ALL),
                    Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)))).isInstanceOf(AccessDeniedException.class);
            assertThat(UserWritePolicy.allows(app("User.Read.All"))).isFalse();
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
