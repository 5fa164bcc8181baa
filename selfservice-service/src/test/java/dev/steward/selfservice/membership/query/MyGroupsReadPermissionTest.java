package dev.steward.selfservice.membership.query;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.support.TestCallers;
import java.util.List;
import org.junit.jupiter.api.Test;

class MyGroupsReadPermissionTest {

    private final MyGroupsReadPermission permission = new MyGroupsReadPermission();

    @Test
    void signedInUserWithAGroupReadPermissionReadsMyGroups() {
        for (String scope : List.of(Permissions.GROUP_READ_ALL, Permissions.GROUP_READWRITE_ALL,
                Permissions.GROUP_MEMBER_READ_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL, Permissions.DIRECTORY_READ_ALL)) {
            assertThatCode(() -> permission.check(TestCallers.user("bob", List.of(scope)))).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsSignedInUserWithoutAGroupReadPermission() {
        assertThatThrownBy(() -> permission.check(TestCallers.user("bob", List.of("User.Read"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rejectsApplicationWithoutASignedInUser() {
        assertThatThrownBy(() -> permission.check(TestCallers.app("app-1", Permissions.GROUP_READWRITE_ALL)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
