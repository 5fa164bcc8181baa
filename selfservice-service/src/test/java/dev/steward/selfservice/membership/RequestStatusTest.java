package dev.steward.selfservice.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RequestStatusTest {

    @Test
    void aPendingRequestGoesToTheSecondStageIsApprovedRejectedCancelledExpiresOrIsClosed() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus.PENDING::mayBecome))
                .containsExactlyInAnyOrder(RequestStatus.PENDING_SECOND_STAGE, RequestStatus.APPROVED,
                        RequestStatus.REJECTED, RequestStatus.CANCELLED, RequestStatus.EXPIRED, RequestStatus.CLOSED);
    }

    @Test
    void aSecondStageRequestIsDecidedOnceAndNeverGoesBackToTheFirstStage() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus.PENDING_SECOND_STAGE::mayBecome))
                .containsExactlyInAnyOrder(RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.CANCELLED,
                        RequestStatus.EXPIRED, RequestStatus.CLOSED);
        assertThat(RequestStatus.PENDING_SECOND_STAGE.isOpen()).isTrue();
        assertThat(RequestStatus.PENDING_SECOND_STAGE.isAwaitingDecision()).isTrue();
        assertThat(RequestStatus.APPROVED.isAwaitingDecision()).isFalse();
    }

    @Test
    void anApprovedRequestEndsOnlyWithTheDirectorysAnswer() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus.APPROVED::mayBecome))
                .containsExactlyInAnyOrder(RequestStatus.COMPLETED, RequestStatus.ADD_REFUSED);
    }

    @Test
    void aFinalRequestNeverChangesAgain() {
        for (RequestStatus done : EnumSet.of(RequestStatus.COMPLETED, RequestStatus.ADD_REFUSED, RequestStatus.REJECTED,
                RequestStatus.CANCELLED, RequestStatus.EXPIRED, RequestStatus.CLOSED)) {
            assertThat(done.isOpen()).isFalse();
            for (RequestStatus next : RequestStatus.values()) {
                assertThat(done.mayBecome(next)).as(done + " -> " + next).isFalse();
            }
        }
        assertThat(RequestStatus.PENDING.isOpen()).isTrue();
        assertThat(RequestStatus.APPROVED.isOpen()).isTrue();
    }

    @Test
    void readsBackEveryWireName() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(RequestStatus.fromWireName(status.wireName())).isEqualTo(status);
        }
    }
}
