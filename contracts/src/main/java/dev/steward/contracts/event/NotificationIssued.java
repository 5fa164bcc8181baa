package dev.steward.contracts.event;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import java.util.List;
import java.util.Objects;

/**
 * Self-service told people about a membership request: it was routed to them, they are reminded of it, or it was
 * decided, cancelled, expired, completed or refused by the directory. One per self-service event that concerns
 * someone ({@code sourceEventId}, {@code sourceEventType} its logical type); the same correlation id and initiator.
 * {@code subject} and {@code text} are the message as self-service e-mails it; other channels may render their own.
 * At most the group's owners (Graph: 100) and the requester are recipients.
 */
public record NotificationIssued(
        EventMetadata metadata,
        String sourceEventId,
        String sourceEventType,
        String requestId,
        String groupId,
        String groupDisplayName,
        String requesterId,
        String requesterUserPrincipalName,
        List<Recipient> recipients,
        String subject,
        String text) implements IntegrationEvent {

    public NotificationIssued {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceEventType, "sourceEventType");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /**
     * Someone notified: their directory id, their {@code userPrincipalName} (the address self-service mails; null when
     * the directory has not announced the user) and why they are told ({@code Approver} or {@code Requester}).
     */
    public record Recipient(String userId, String userPrincipalName, String role) {

        public Recipient {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(role, "role");
        }
    }
}
