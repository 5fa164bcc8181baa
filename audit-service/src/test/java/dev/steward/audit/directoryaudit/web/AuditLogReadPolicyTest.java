package dev.steward.audit.directoryaudit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditLogReadPolicyTest {

    private final AuditLogReadPolicy policy = new AuditLogReadPolicy();

    @Test
    void letsAuditReaderWithScopeRead() {
        for (String role : DirectoryRoles.AUDIT_READERS) {
            assertThat(policy.permits(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), Set.of(role)))).isTrue();
        }
    }

    @Test
    void refusesUserWithScopeButNoAuditRole() {
        assertThat(policy.permits(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), Set.of(DirectoryRoles.USER_ADMINISTRATOR))))
                .isFalse();
        assertThatThrownBy(() -> policy.check(user(Set.of(Permissions.AUDIT_LOG_READ_ALL), Set.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesAuditReaderWithoutTheScope() {
        assertThat(policy.permits(user(Set.of(Permissions.GROUP_READ_ALL), Set.of(DirectoryRoles.GLOBAL_READER))))
                .isFalse();
    }

    @Test
    void letsAppWithAuditLogRoleRead() {
        assertThat(policy.permits(Caller.app("app-1", "Reporting", Permissions.AUDIT_LOG_READ_ALL))).isTrue();
    }

    @Test
    void refusesAppWithoutAuditLogRole() {
        assertThat(policy.permits(Caller.app("app-1", "Reporting", Permissions.GROUP_READ_ALL))).isFalse();
    }

    @Test
    void refusesAppThatOnlyHasTheScopeNameAsDelegatedClaim() {
        Caller appWithScopeButNoUser = new Caller(null, null, null, "app-1", "x", null,
                Set.of(Permissions.AUDIT_LOG_READ_ALL), Set.of(), Set.of());

        assertThat(policy.permits(appWithScopeButNoUser)).isFalse();
    }

    private static Caller user(Set<String> scopes, Set<String> wids) {
        return new Caller("u-1", "u1@corp.example.test", "U1", "app-1", "CLI", null, scopes, Set.of(), wids);
    }
}
