package dev.steward.sync.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code steward.sync.export.*}: how a cycle exports.
 *
 * @param batchSize   objects decided, sent and recorded in one database transaction (1 to {@value #MAX_BATCH_SIZE}: a
 *                    batch's anchors are bound parameters of one statement); membership chunks are recorded and sent
 *                    in batches of about as many commands (a group's chunks are never split across two)
 * @param maxInFlight commands handed to the Kafka producer and not yet acknowledged by the broker, at most
 */
@ConfigurationProperties("steward.sync.export")
public record ExportProperties(@DefaultValue("200") int batchSize, @DefaultValue("200") int maxInFlight) {

    public static final int MAX_BATCH_SIZE = 10_000;

    public ExportProperties {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("steward.sync.export.batch-size must be from 1 to " + MAX_BATCH_SIZE
                    + ", not " + batchSize);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("steward.sync.export.max-in-flight must be at least 1, not "
                    + maxInFlight);
        }
    }
}
