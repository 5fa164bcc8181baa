package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import dev.steward.selfservice.directory.DirectoryProjection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds the directory's events into the read model, a poll at a time (at most
 * {@code steward.selfservice.read-model.max-batch} records): the poll's events are applied in one transaction
 * ({@link DirectoryProjection#applyAll}), so the database's round trips are paid per poll, not per event. A record that is not a readable event is reported to the
 * platform's error handler as the batch's failed record ({@link BatchListenerFailedException}) after the events
 * before it were applied: the handler commits those, dead-letters the bad record with its reason and delivers the
 * rest again. If the batch's transaction fails, the events are applied one at a time, each in its own transaction, so
 * that only the event that fails is reported (an outage fails the first one, and the handler waits it out).
 */
@Component
class DirectoryEventsListener {

    static final String ID = "selfservice-directory-events";

    private static final Logger log = LoggerFactory.getLogger(DirectoryEventsListener.class);
    private static final LogAccessor DESERIALIZATION_LOG = new LogAccessor(DirectoryEventsListener.class);

    private final DirectoryProjection projection;

    DirectoryEventsListener(DirectoryProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DIRECTORY_EVENTS, batch = "true",
            properties = "max.poll.records=${steward.selfservice.read-model.max-batch:2000}")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        List<IntegrationEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ContractMessage> record : records) {
            RuntimeException unreadable = unreadable(record);
            if (unreadable != null) {
                apply(records, events);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
            }
            events.add((IntegrationEvent) record.value());
        }
        apply(records, events);
    }

    /** Applies the events of the first {@code events.size()} records. */
    private void apply(List<ConsumerRecord<String, ContractMessage>> records, List<IntegrationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            projection.applyAll(events);
        } catch (RuntimeException batchFailure) {
            log.warn("a batch of {} directory events failed ({}); applying them one at a time", events.size(),
                    batchFailure.getMessage());
            for (int i = 0; i < events.size(); i++) {
                try {
                    projection.apply(events.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, records.get(i));
                }
            }
        }
    }

    private static RuntimeException unreadable(ConsumerRecord<String, ContractMessage> record) {
        DeserializationException failed = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, DESERIALIZATION_LOG);
        if (failed != null) {
            return failed;
        }
        if (record.value() == null) {
            return new MalformedMessageException("a record without a value is not an event");
        }
        if (!(record.value() instanceof IntegrationEvent)) {
            return new MalformedMessageException("a " + record.value().getClass().getSimpleName()
                    + " is not an event; " + Topics.DIRECTORY_EVENTS + " carries only events");
        }
        return null;
    }
}
