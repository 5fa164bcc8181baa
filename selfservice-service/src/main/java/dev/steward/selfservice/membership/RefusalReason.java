package dev.steward.selfservice.membership;

import org.springframework.http.HttpStatus;

/**
 * Why a membership request or a lookup was refused: the stable code behind every refusal, mapped once to an HTTP
 * status and a Graph error code (HTTP) or a {@code CommandResult} error code (Kafka).
 */
public enum RefusalReason {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    GROUP_NOT_FOUND(HttpStatus.NOT_FOUND, "Request_ResourceNotFound"),
    REQUESTER_NOT_FOUND(HttpStatus.NOT_FOUND, "Request_ResourceNotFound"),
    REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND, "Request_ResourceNotFound"),
    GROUP_NOT_MANAGEABLE(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    GROUP_HAS_NO_OWNERS(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    ALREADY_A_MEMBER(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    REQUEST_ALREADY_PENDING(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    GROUP_CLOSED(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    REQUEST_NOT_PENDING(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    NOT_A_MEMBER(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    REASON_REQUIRED(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    LICENSE_REQUIRED(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    APPROVER_GROUP_NOT_FOUND(HttpStatus.BAD_REQUEST, "Request_BadRequest"),
    /** An owner's member management: the user to add is unknown, or the member to remove is not a direct member. */
    MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "Request_ResourceNotFound");

    private final HttpStatus status;
    private final String graphCode;

    RefusalReason(HttpStatus status, String graphCode) {
        this.status = status;
        this.graphCode = graphCode;
    }

    public HttpStatus status() {
        return status;
    }

    public String graphCode() {
        return graphCode;
    }
}
