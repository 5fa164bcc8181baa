package dev.steward.selfservice.notification;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Self-service reads its own events back to notify the people a request concerns. The events topic carries what
 * committed (the outbox), so nothing is notified for a request that was rolled back, and a slow or failing
 * notification never holds up a request. A record that is not an event goes to the dead-letter topic.
 */
@Component
class SelfServiceEventsListener {

    static final String ID = "selfservice-notifications";

    private final RequestNotifier notifier;

    SelfServiceEventsListener(RequestNotifier notifier) {
        this.notifier = notifier;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SELFSERVICE_EVENTS)
    void on(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof IntegrationEvent event)) {
            throw new MalformedMessageException("a " + record.value().getClass().getSimpleName()
                    + " is not an event; " + Topics.SELFSERVICE_EVENTS + " carries only events");
        }
        notifier.on(event);
    }
}
