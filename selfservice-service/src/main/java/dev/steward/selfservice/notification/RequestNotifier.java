package dev.steward.selfservice.notification;

import dev.steward.contracts.EventMetadata;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.MembershipRequestAddRefused;
import dev.steward.contracts.event.MembershipRequestApproved;
import dev.steward.contracts.event.MembershipRequestCancelled;
import dev.steward.contracts.event.MembershipRequestCompleted;
import dev.steward.contracts.event.MembershipRequestClosed;
import dev.steward.contracts.event.MembershipRequestExpired;
import dev.steward.contracts.event.MembershipRequestFirstStageApproved;
import dev.steward.contracts.event.MembershipRequestRejected;
import dev.steward.contracts.event.MembershipRequestReminded;
import dev.steward.contracts.event.MembershipRequestRouted;
import dev.steward.contracts.event.MembershipRequested;
import dev.steward.contracts.event.NotificationIssued;
import dev.steward.platform.kafka.ProcessedMessages;
import dev.steward.platform.outbox.Outbox;
import dev.steward.selfservice.config.IdGenerator;
import dev.steward.selfservice.directory.KnownUser;
import dev.steward.selfservice.directory.UserDirectory;
import dev.steward.selfservice.membership.MembershipRequest;
import dev.steward.selfservice.membership.MembershipRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns self-service's own request events into notifications: one {@link NotificationIssued} on
 * {@code steward.selfservice.notifications} (through the outbox) and, when a mail server is configured, one queued
 * mail per recipient whose address (their userPrincipalName) the read model knows, all in one transaction with the
 * event's {@code processed_message} row, so a redelivered event notifies nobody twice. It runs after the request's
 * own transaction committed, from the events topic: a notification can neither block nor undo a request.
 */
@Component
class RequestNotifier {

    static final String CONSUMER = "selfservice-notifications";
    private static final Logger log = LoggerFactory.getLogger(RequestNotifier.class);

    private final ProcessedMessages processed;
    private final Outbox outbox;
    private final UserDirectory users;
    private final MembershipRequests requests;
    private final NotificationMails mails;
    private final IdGenerator ids;
    private final Clock clock;
    private final NotificationProperties properties;
    private final boolean mailConfigured;

    RequestNotifier(ProcessedMessages processed, Outbox outbox, UserDirectory users, MembershipRequests requests,
                    NotificationMails mails, IdGenerator ids, Clock clock, NotificationProperties properties,
                    @Value("${spring.mail.host:}") String mailHost) {
        this.processed = processed;
        this.outbox = outbox;
        this.users = users;
        this.requests = requests;
        this.mails = mails;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.mailConfigured = !mailHost.isBlank();
    }

    @Transactional
    public void on(IntegrationEvent event) {
        Optional<RequestFacts> facts = RequestFacts.of(event);
        if (facts.isEmpty() || !processed.markProcessed(CONSUMER, event.messageId())) {
            return;
        }
        Instant now = clock.instant();
        if (event.metadata().occurredAt().isBefore(now.minus(properties.maxAge()))) {
            log.info("{} {} of {} not notified: older than steward.selfservice.notifications.max-age",
                    MessageTypes.nameOf(event.getClass()), event.messageId(), event.metadata().occurredAt());
            return;
        }
        RequestFacts request = facts.get();
        Optional<MembershipRequest> stored = requests.find(request.requestId());
        String requesterUpn = request.requesterUserPrincipalName() != null ? request.requesterUserPrincipalName()
                : users.find(request.requesterId()).map(KnownUser::userPrincipalName).orElse(null);
        NotificationMessages.Context context = new NotificationMessages.Context(
                requesterUpn == null ? request.requesterId() : requesterUpn,
                stored.map(MembershipRequest::approverIds).orElse(List.of()),
                // An open group's request is made Approved, without an expiry: nobody is asked to decide it.
                stored.map(r -> r.expiresDateTime() == null && r.decidedById() == null).orElse(false),
                properties.pageUrl());
        NotificationMessages.of(event, context).ifPresent(message -> issue(event, request, requesterUpn, message, now));
    }

    private void issue(IntegrationEvent event, RequestFacts request, String requesterUpn,
                       NotificationMessages.Message message, Instant now) {
        List<NotificationIssued.Recipient> recipients = message.targets().stream()
                .map(target -> new NotificationIssued.Recipient(target.userId(), users.find(target.userId())
                        .map(KnownUser::userPrincipalName).orElse(null), target.role()))
                .toList();
        EventMetadata source = event.metadata();
        NotificationIssued notification = new NotificationIssued(new EventMetadata(ids.newId(), source.occurredAt(),
                request.requestId(), source.correlationId(), source.initiator(), EventMetadata.CURRENT_SCHEMA_VERSION),
                event.messageId(), MessageTypes.nameOf(event.getClass()), request.requestId(), request.groupId(),
                request.groupDisplayName(), request.requesterId(), requesterUpn, recipients, message.subject(),
                message.text());
        outbox.append(Topics.SELFSERVICE_NOTIFICATIONS, notification);
        if (!mailConfigured) {
            return;
        }
        for (NotificationIssued.Recipient recipient : recipients) {
            if (recipient.userPrincipalName() == null) {
                log.info("notification {}: no address known for user {}, not mailed", notification.messageId(),
                        recipient.userId());
                continue;
            }
            mails.queue(ids.newId().toString(), notification.messageId(), recipient.userId(),
                    recipient.userPrincipalName(), message.subject(), message.text(), now);
        }
    }

    /** What every request event says about its request. */
    private record RequestFacts(String requestId, String groupId, String groupDisplayName, String requesterId,
                                String requesterUserPrincipalName) {

        static Optional<RequestFacts> of(IntegrationEvent event) {
            if (event instanceof MembershipRequested e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestRouted e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(), null);
            } else if (event instanceof MembershipRequestReminded e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(), null);
            } else if (event instanceof MembershipRequestApproved e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestRejected e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestCancelled e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestExpired e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestCompleted e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestFirstStageApproved e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestClosed e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            } else if (event instanceof MembershipRequestAddRefused e) {
                return facts(e.requestId(), e.groupId(), e.groupDisplayName(), e.requesterId(),
                        e.requesterUserPrincipalName());
            }
            return Optional.empty();
        }

        private static Optional<RequestFacts> facts(String requestId, String groupId, String groupDisplayName,
                                                    String requesterId, String requesterUserPrincipalName) {
            return Optional.of(new RequestFacts(requestId, groupId, groupDisplayName, requesterId,
                    requesterUserPrincipalName));
        }
    }
}
