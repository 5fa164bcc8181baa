package dev.steward.selfservice.membership.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.RequestStatus;
import dev.steward.selfservice.support.TestCallers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestVisibilityPolicyTest {

    private static final List<String> SCOPES = List.of(Permissions.GROUP_READ_ALL);

    private final RequestVisibilityPolicy policy = new RequestVisibilityPolicy();
    private final MembershipRequest request = MembershipRequest.made("r1", "g1", "Engineering", "bob",
            "bob@corp.example.test", "please", RequestStatus.PENDING, Instant.parse("2026-01-01T10:00:00Z"),
            List.of("alice"), Instant.parse("2026-01-15T10:00:00Z"));

    @Test
    void requesterSeesTheirRequest() {
        assertThat(policy.canView(TestCallers.user("bob", SCOPES), request, List.of("alice"))).isTrue();
    }

    @Test
    void currentOwnerSeesTheRequest() {
        assertThat(policy.canView(TestCallers.user("dave", SCOPES), request, List.of("alice", "dave"))).isTrue();
    }

    @Test
    void formerOwnerNoLongerSeesTheRequest() {
        assertThat(policy.canView(TestCallers.user("alice", SCOPES), request, List.of("dave"))).isFalse();
    }

    @Test
    void groupAdministratorSeesEveryRequest() {
        for (String role : DirectoryRoles.GROUP_ADMINS) {
            assertThat(policy.canView(TestCallers.user("admin", SCOPES, role), request, List.of("alice"))).isTrue();
        }
    }

    @Test
    void anyoneElseDoesNotSeeTheRequest() {
        assertThat(policy.canView(TestCallers.user("mallory", SCOPES), request, List.of("alice"))).isFalse();
        assertThat(policy.canView(TestCallers.user("mallory", SCOPES, DirectoryRoles.GLOBAL_READER), request,
                List.of("alice"))).isFalse();
        assertThat(policy.canView(TestCallers.app("app-1", Permissions.GROUP_READ_ALL), request, List.of("alice")))
                .isFalse();
    }
}
