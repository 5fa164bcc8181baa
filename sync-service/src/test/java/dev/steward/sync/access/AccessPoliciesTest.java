package dev.steward.sync.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPoliciesTest {

    @Test
    void aHybridIdentityAdministratorWithSynchronizationReadWriteRunsCycles() {
        assertThat(RunSyncCycles.allows(user(Set.of(Permissions.SYNCHRONIZATION_READWRITE_ALL),
                Set.of(DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR)))).isTrue();
        assertThat(RunSyncCycles.allows(user(Set.of(Permissions.SYNCHRONIZATION_READWRITE_ALL),
                Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR)))).isTrue();
    }

    @Test
    void aUserNeedsBothThePermissionAndASyncRoleToRunCycles() {
        assertThat(RunSyncCycles.allows(user(Set.of(Permissions.SYNCHRONIZATION_READWRITE_ALL),
                Set.of(DirectoryRoles.GROUPS_ADMINISTRATOR)))).isFalse();
        assertThat(RunSyncCycles.allows(user(Set.of(Permissions.SYNCHRONIZATION_READ_ALL),
                Set.of(DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR)))).isFalse();
        assertThatThrownBy(() -> RunSyncCycles.check(user(Set.of(), Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anApplicationRunsCyclesWithTheApplicationPermissionAlone() {
        assertThat(RunSyncCycles.allows(Caller.app("app", "App", Permissions.SYNCHRONIZATION_READWRITE_ALL))).isTrue();
        assertThat(RunSyncCycles.allows(Caller.app("app", "App", Permissions.SYNCHRONIZATION_READ_ALL))).isFalse();
        assertThat(RunSyncCycles.allows(Caller.app("app", "App",
                Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL))).isFalse();
    }

    @Test
    void readingSynchronizationNeedsReadOrReadWrite() {
        assertThat(ReadSynchronization.allows(Caller.app("app", "App", Permissions.SYNCHRONIZATION_READ_ALL))).isTrue();
        assertThat(ReadSynchronization.allows(user(Set.of(Permissions.SYNCHRONIZATION_READWRITE_ALL), Set.of()))).isTrue();
        assertThat(ReadSynchronization.allows(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), Set.of()))).isFalse();
        assertThatThrownBy(() -> ReadSynchronization.check(Caller.app("app", "App")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readingProvisioningLogsNeedsAuditLogReadAndForAUserAnAuditRole() {
        assertThat(ReadProvisioningLogs.allows(user(Set.of(Permissions.AUDIT_LOG_READ_ALL),
                Set.of(DirectoryRoles.REPORTS_READER)))).isTrue();
        assertThat(ReadProvisioningLogs.allows(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), Set.of()))).isFalse();
        assertThat(ReadProvisioningLogs.allows(user(Set.of(Permissions.SYNCHRONIZATION_READWRITE_ALL),
                Set.of(DirectoryRoles.GLOBAL_ADMINISTRATOR)))).isFalse();
        assertThat(ReadProvisioningLogs.allows(Caller.app("app", "App", Permissions.AUDIT_LOG_READ_ALL))).isTrue();
    }

    private static Caller user(Set<String> scopes, Set<String> wids) {
        return new Caller("user-id", "user@corp.example.test", "User", "cli", "Steward CLI", null, scopes, Set.of(), wids);
    }
}
