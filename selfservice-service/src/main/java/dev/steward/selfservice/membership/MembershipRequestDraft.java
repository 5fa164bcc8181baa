package dev.steward.selfservice.membership;

/**
 * What a caller asks for, from HTTP or Kafka alike.
 *
 * @param requesterId   the user who wants to join; null for the caller
 * @param correlationId ties the request's event to what caused it (the command's correlation id or the HTTP
 *                      client-request-id)
 */
public record MembershipRequestDraft(String groupId, String requesterId, String justification, String correlationId) {

    public static final int MAX_JUSTIFICATION_LENGTH = 1000;
}
