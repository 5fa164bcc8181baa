package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import dev.steward.selfservice.directory.DirectoryProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the directory's events into the read model. A record that is not a readable event goes to the dead-letter
 * topic (the platform's error handler) and the listener carries on with the next one.
 */
@Component
class DirectoryEventsListener {

    static final String ID = "selfservice-directory-events";

    private final DirectoryProjection projection;

    DirectoryEventsListener(DirectoryProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DIRECTORY_EVENTS)
    void on(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof IntegrationEvent event)) {
            throw new MalformedMessageException("a " + record.value().getClass().getSimpleName()
                    + " is not an event; " + Topics.DIRECTORY_EVENTS + " carries only events");
        }
        projection.apply(event);
    }
}
