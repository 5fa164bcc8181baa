package dev.steward.audit.kafka;

import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.projection.ProjectionMetrics;
import dev.steward.audit.directoryaudit.projection.NotAuditableException;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.IntegrationEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every event topic ({@code Topics.EVENT_TOPICS}) and the directory's command results. A record that cannot be read or has no audit activity
 * makes this listener throw; the platform's error handler sends it to {@code <topic>-dlt} with the reason and the
 * listener goes on with the next record.
 */
@Component
public class AuditEventListener {

    private final AuditProjector projector;
    private final ProjectionMetrics metrics;

    public AuditEventListener(AuditProjector projector, ProjectionMetrics metrics) {
        this.projector = projector;
        this.metrics = metrics;
    }

    @KafkaListener(id = "audit-projection", idIsGroup = false,
            topics = "#{T(dev.steward.contracts.Topics).EVENT_TOPICS}",
            concurrency = "${steward.audit.consumer-concurrency:1}")
    void on(ConsumerRecord<String, ContractMessage> record) {
        projector.project(record.value());
        if (record.value() instanceof IntegrationEvent event) {
            metrics.projected(record.topic(), event.metadata().occurredAt());
        }
    }

    /**
     * The directory's command results: a refused command becomes a failure entry, anything else on the topic is
     * passed over. A record that is not a {@code CommandResult} is dead-lettered.
     */
    @KafkaListener(id = "audit-command-results", idIsGroup = false,
            topics = "#{T(dev.steward.contracts.Topics).DIRECTORY_COMMAND_RESULTS}",
            concurrency = "${steward.audit.consumer-concurrency:1}")
    void onCommandResult(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof CommandResult result)) {
            throw new NotAuditableException("a record on " + record.topic() + " is not a command result: "
                    + (record.value() == null ? "no value" : record.value().getClass().getSimpleName()));
        }
        projector.project(result);
        metrics.projected(record.topic(), result.completedAt());
    }
}
