package dev.steward.selfservice.membership.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.security.AccessDeniedException;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.RequestStatus;
import dev.steward.selfservice.support.TestCallers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPermissionTest {

    private static final List<String> WRITE = List.of(Permissions.GROUP_MEMBER_READWRITE_ALL);
    private final DecisionPermission permission = new DecisionPermission();
    private final MembershipRequest request = MembershipRequest.made("r1", "g1", "Engineering", "carol", null, null,
            RequestStatus.PENDING, Instant.parse("2026-01-01T10:00:00Z"), List.of("alice"), null);

    @Test
    void aCurrentOwnerDecides() {
        assertThatCode(() -> permission.checkMayDecide(TestCallers.user("alice", WRITE), request, List.of("alice")))
                .doesNotThrowAnyException();
    }

    @Test
    void aFormerOwnerDoesNotDecide() {
        assertThatThrownBy(() -> permission.checkMayDecide(TestCallers.user("alice", WRITE), request, List.of("dave")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aGroupAdministratorDecidesWithoutOwningTheGroup() {
        assertThatCode(() -> permission.checkMayDecide(TestCallers.user("admin", WRITE,
                DirectoryRoles.GROUPS_ADMINISTRATOR), request, List.of("alice"))).doesNotThrowAnyException();
    }

    @Test
    void nobodyDecidesTheirOwnRequestEvenAsOwner() {
        assertThatThrownBy(() -> permission.checkMayDecide(TestCallers.user("carol", WRITE,
                DirectoryRoles.GROUPS_ADMINISTRATOR), request, List.of("carol"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOwnerWithoutAWriteScopeOrAnApplicationDoesNotDecide() {
        assertThatThrownBy(() -> permission.checkMayDecide(TestCallers.user("alice",
                List.of(Permissions.GROUP_READ_ALL)), request, List.of("alice"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> permission.checkMayDecide(TestCallers.app("app",
                Permissions.GROUP_MEMBER_READWRITE_ALL), request, List.of("alice"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMemberOfTheApproverGroupDecidesTheSecondStageAndAnOwnerOutsideItDoesNot() {
        assertThatCode(() -> permission.checkMayDecideSecondStage(TestCallers.user("erin", WRITE), request,
                List.of("erin"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> permission.checkMayDecideSecondStage(TestCallers.user("alice", WRITE), request,
                List.of("erin"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aGroupAdministratorDecidesTheSecondStageButNeverTheirOwnRequest() {
        assertThatCode(() -> permission.checkMayDecideSecondStage(TestCallers.user("admin", WRITE,
                DirectoryRoles.GROUPS_ADMINISTRATOR), request, List.of("erin"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> permission.checkMayDecideSecondStage(TestCallers.user("carol", WRITE), request,
                List.of("carol"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheRequesterCancels() {
        assertThatCode(() -> permission.checkMayCancel(TestCallers.user("carol", WRITE), request))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> permission.checkMayCancel(TestCallers.user("alice", WRITE,
                DirectoryRoles.GROUPS_ADMINISTRATOR), request)).isInstanceOf(AccessDeniedException.class);
    }
}
