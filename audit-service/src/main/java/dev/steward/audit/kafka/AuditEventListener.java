package dev.steward.audit.kafka;

import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.projection.NotAuditableException;
import dev.steward.audit.directoryaudit.projection.ProjectedBatch;
import dev.steward.audit.directoryaudit.projection.ProjectionMetrics;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.command.CommandResult;
import dev.steward.platform.kafka.PollBatch;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;

/**
 * Consumes every event topic ({@code Topics.EVENT_TOPICS}) and the directory's command results a poll at a time: the
 * records of a poll are projected in one transaction ({@link AuditProjector#projectUntilFailure}, through
 * {@link PollBatch}). A record that cannot be read or has no audit activity ends the batch there: the records before
 * it are committed, and it is named to the platform's error handler ({@link BatchListenerFailedException}), which
 * commits their offsets, sends it to {@code <topic>-dlt} with the reason and delivers the records after it again. When
 * writing the batch fails, its records are written again one per transaction, and the first one that fails is named
 * to the error handler (during a database outage that is the first record: the handler then waits and retries).
 */
@Component
public class AuditEventListener {

    private final AuditProjector projector;
    private final ProjectionMetrics metrics;
    private final PollBatch<ConsumerRecord<String, ContractMessage>> events = poll(false);
    private final PollBatch<ConsumerRecord<String, ContractMessage>> commandResults = poll(true);

    public AuditEventListener(AuditProjector projector, ProjectionMetrics metrics) {
        this.projector = projector;
        this.metrics = metrics;
    }

    @KafkaListener(id = "audit-projection", idIsGroup = false, batch = "true",
            topics = "#{T(dev.steward.contracts.Topics).EVENT_TOPICS}",
            concurrency = "${steward.audit.consumer-concurrency:3}")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        events.apply(records);
    }

    /**
     * The directory's command results: a refused command becomes a failure entry, anything else on the topic is
     * passed over. A record that is not a {@code CommandResult} is dead-lettered.
     */
    @KafkaListener(id = "audit-command-results", idIsGroup = false, batch = "true",
            topics = "#{T(dev.steward.contracts.Topics).DIRECTORY_COMMAND_RESULTS}",
            concurrency = "${steward.audit.consumer-concurrency:3}")
    void onCommandResults(List<ConsumerRecord<String, ContractMessage>> records) {
        commandResults.apply(records);
    }

    private PollBatch<ConsumerRecord<String, ContractMessage>> poll(boolean commandResults) {
        return PollBatch.of(record -> readable(record, commandResults), this::project,
                record -> project(List.of(record)));
    }

    /**
     * Projects the records in one transaction up to the first that has no audit activity, which is named to the
     * error handler after the ones before it are committed.
     */
    private void project(List<ConsumerRecord<String, ContractMessage>> records) {
        ProjectedBatch projected = projector.projectUntilFailure(records.stream().map(ConsumerRecord::value).toList());
        measure(records, projected.outcomes());
        Optional<Integer> failure = projected.firstFailure();
        if (failure.isPresent()) {
            int index = failure.get();
            RuntimeException cause = projected.outcomes().get(index).unprojectable();
            throw new BatchListenerFailedException(cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage(), cause, records.get(index));
        }
    }

    private void measure(List<ConsumerRecord<String, ContractMessage>> records, List<ProjectedBatch.Outcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).projected()) {
                continue;
            }
            ConsumerRecord<String, ContractMessage> record = records.get(i);
            if (record.value() instanceof IntegrationEvent event) {
                metrics.projected(record.topic(), event.metadata().occurredAt());
            } else if (record.value() instanceof CommandResult result) {
                metrics.projected(record.topic(), result.completedAt());
            }
        }
    }

    /** The record, unless it cannot be projected before mapping it: not readable, or not the kind its topic carries. */
    private static ConsumerRecord<String, ContractMessage> readable(ConsumerRecord<String, ContractMessage> record,
                                                                   boolean commandResults) {
        DeserializationException notRead = PollBatch.deserializationFailure(record);
        if (notRead != null) {
            throw notRead;
        }
        ContractMessage value = record.value();
        if (commandResults && !(value instanceof CommandResult)) {
            throw new NotAuditableException("a record on " + record.topic() + " is not a command result: "
                    + (value == null ? "no value" : value.getClass().getSimpleName()));
        }
        if (!commandResults && value instanceof CommandResult) {
            throw new NotAuditableException("no audit activity for a command result on " + record.topic());
        }
        return record;
    }
}
