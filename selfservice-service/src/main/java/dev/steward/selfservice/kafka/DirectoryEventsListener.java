package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.Topics;
import dev.steward.platform.kafka.PollBatch;
import dev.steward.selfservice.directory.DirectoryProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the directory's events into the read model, a poll at a time ({@link PollBatch}; at most
 * {@code steward.selfservice.read-model.max-batch} records): the poll's events are applied in one transaction
 * ({@link DirectoryProjection#applyAll}), so the database's round trips are paid per poll, not per event; one at a
 * time if that fails, so that only the event at fault is retried (an outage fails the first one, and the error handler
 * waits it out). A record that is not a readable event is dead-lettered with its reason. Up to
 * {@code steward.selfservice.read-model.consumers} consumers (3) share the topic's partitions: a group's events stay
 * in order (one partition per group key), as they did with one consumer, which never ordered partitions either.
 */
@Component
class DirectoryEventsListener {

    static final String ID = "selfservice-directory-events";

    private final PollBatch<IntegrationEvent> poll;

    DirectoryEventsListener(DirectoryProjection projection) {
        this.poll = PollBatch.of(record -> PollBatch.valueOf(record, IntegrationEvent.class), projection::applyAll,
                projection::apply);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DIRECTORY_EVENTS, batch = "true",
            concurrency = "${steward.selfservice.read-model.consumers:3}",
            properties = "max.poll.records=${steward.selfservice.read-model.max-batch:2000}")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        poll.apply(records);
    }
}
