package dev.steward.audit.kafka;

import dev.steward.audit.directoryaudit.projection.AuditProjector;
import dev.steward.audit.directoryaudit.projection.ProjectionMetrics;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every event topic ({@code Topics.EVENT_TOPICS}). A record that cannot be read or has no audit activity
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
}
