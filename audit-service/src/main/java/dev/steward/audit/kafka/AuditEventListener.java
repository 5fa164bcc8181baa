package dev.steward.audit.kafka;

import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.projection.NotAuditableException;
import dev.steward.audit.directoryaudit.projection.ProjectedBatch;
import dev.steward.audit.directoryaudit.projection.ProjectionMetrics;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.command.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes every event topic ({@code Topics.EVENT_TOPICS}) and the directory's command results a poll at a time: the
 * records of a poll are projected in one transaction ({@link AuditProjector#projectUntilFailure}). A record that
 * cannot be read or has no audit activity ends the batch there: the records before it are committed, and the listener
 * throws a {@link BatchListenerFailedException} naming it, so that the platform's error handler commits their offsets,
 * sends it to {@code <topic>-dlt} with the reason and delivers the records after it again. When writing the batch
 * fails, its records are written again one per transaction, and the first one that fails is named to the error
 * handler (during a database outage that is the first record: the handler then waits and retries).
 */
@Component
public class AuditEventListener {

    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(AuditEventListener.class));

    private final AuditProjector projector;
    private final ProjectionMetrics metrics;

    public AuditEventListener(AuditProjector projector, ProjectionMetrics metrics) {
        this.projector = projector;
        this.metrics = metrics;
    }

    @KafkaListener(id = "audit-projection", idIsGroup = false, batch = "true",
            topics = "#{T(dev.steward.contracts.Topics).EVENT_TOPICS}",
            concurrency = "${steward.audit.consumer-concurrency:3}")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        project(records, false);
    }

    /**
     * The directory's command results: a refused command becomes a failure entry, anything else on the topic is
     * passed over. A record that is not a {@code CommandResult} is dead-lettered.
     */
    @KafkaListener(id = "audit-command-results", idIsGroup = false, batch = "true",
            topics = "#{T(dev.steward.contracts.Topics).DIRECTORY_COMMAND_RESULTS}",
            concurrency = "${steward.audit.consumer-concurrency:3}")
    void onCommandResults(List<ConsumerRecord<String, ContractMessage>> records) {
        project(records, true);
    }

    private void project(List<ConsumerRecord<String, ContractMessage>> records, boolean commandResults) {
        List<ContractMessage> messages = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, ContractMessage> record : records) {
            unreadable = unreadable(record, commandResults);
            if (unreadable != null) {
                break;
            }
            messages.add(record.value());
        }
        ProjectedBatch projected = write(records, messages);
        Optional<Integer> failure = projected.firstFailure();
        if (failure.isPresent()) {
            int index = failure.get();
            throw failed(projected.outcomes().get(index).unprojectable(), records.get(index));
        }
        if (unreadable != null) {
            throw failed(unreadable, records.get(messages.size()));
        }
    }

    /** Writes the batch in one transaction; if that fails, one record per transaction up to the first that fails. */
    private ProjectedBatch write(List<ConsumerRecord<String, ContractMessage>> records, List<ContractMessage> messages) {
        if (messages.isEmpty()) {
            return new ProjectedBatch(List.of());
        }
        try {
            ProjectedBatch projected = projector.projectUntilFailure(messages);
            measure(records, projected.outcomes());
            return projected;
        } catch (RuntimeException batchFailed) {
            LOG.debug(batchFailed, "writing a batch of " + messages.size() + " audit records failed; one at a time");
        }
        for (int i = 0; i < messages.size(); i++) {
            ProjectedBatch one;
            try {
                one = projector.projectUntilFailure(List.of(messages.get(i)));
            } catch (RuntimeException recordFailed) {
                throw failed(recordFailed, records.get(i));
            }
            measure(records.subList(i, i + 1), one.outcomes());
            if (one.firstFailure().isPresent()) {
                throw failed(one.outcomes().get(0).unprojectable(), records.get(i));
            }
        }
        return new ProjectedBatch(List.of());
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

    /** Why the record cannot be projected before mapping it: not readable, or not the kind its topic carries. */
    private static RuntimeException unreadable(ConsumerRecord<String, ContractMessage> record, boolean commandResults) {
        DeserializationException notRead = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (notRead != null) {
            return notRead;
        }
        ContractMessage value = record.value();
        if (commandResults && !(value instanceof CommandResult)) {
            return new NotAuditableException("a record on " + record.topic() + " is not a command result: "
                    + (value == null ? "no value" : value.getClass().getSimpleName()));
        }
        if (!commandResults && value instanceof CommandResult) {
            return new NotAuditableException("no audit activity for a command result on " + record.topic());
        }
        return null;
    }

    private static BatchListenerFailedException failed(RuntimeException cause, ConsumerRecord<?, ?> record) {
        return new BatchListenerFailedException(cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage(), cause, record);
    }
}
