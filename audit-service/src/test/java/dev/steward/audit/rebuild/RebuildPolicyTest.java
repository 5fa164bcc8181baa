package dev.steward.audit.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebuildPolicyTest {

    private final RebuildPolicy policy = new RebuildPolicy();

    @Test
    void letsOnlyASignedInGlobalAdministratorWhoReadsTheAuditLogRebuild() {
        assertThat(policy.permits(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), DirectoryRoles.GLOBAL_ADMINISTRATOR)))
                .isTrue();
        assertThat(policy.permits(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), DirectoryRoles.GROUPS_ADMINISTRATOR,
                DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR, DirectoryRoles.GLOBAL_READER))).isFalse();
        assertThat(policy.permits(user(Set.of(Permissions.GROUP_READWRITE_ALL), DirectoryRoles.GLOBAL_ADMINISTRATOR)))
                .isFalse();
        assertThat(policy.permits(Caller.app("a0000000-0000-4000-8000-0000000000f2", "script",
                Permissions.AUDIT_LOG_READ_ALL))).isFalse();
    }

    private static Caller user(Set<String> scopes, String... wids) {
        return new Caller("u-1", "someone@corp.example.test", "Someone", "app-1", "app", null, scopes, Set.of(),
                Set.of(wids));
    }
}
