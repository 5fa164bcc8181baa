package dev.steward.audit.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.ContractMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class TimeOrderedReplayTest {

    private static final TopicPartition EVENTS_0 = new TopicPartition("events", 0);
    private static final TopicPartition EVENTS_1 = new TopicPartition("events", 1);
    private static final TopicPartition RESULTS_0 = new TopicPartition("results", 0);
    private static final List<TopicPartition> ALL = List.of(EVENTS_0, EVENTS_1, RESULTS_0);

    private final MockConsumer<String, ContractMessage> consumer = new MockConsumer<>("earliest");
    private final List<String> replayed = new ArrayList<>();

    @Test
    void handsOnRecordsInTimestampOrderAcrossPartitionsAndTopics() {
        consumer.assign(ALL);
        consumer.updateBeginningOffsets(Map.of(EVENTS_0, 0L, EVENTS_1, 0L, RESULTS_0, 0L));
        add(EVENTS_0, 0, 1, "created");
        add(EVENTS_0, 1, 4, "renamed");
        add(EVENTS_0, 2, 6, "deleted");
        add(EVENTS_1, 0, 2, "other created");
        add(EVENTS_1, 1, 3, "other members");
        add(RESULTS_0, 0, 5, "refused rename");

        new TimeOrderedReplay(consumer, ALL).readTo(Map.of(EVENTS_0, 3L, EVENTS_1, 2L, RESULTS_0, 1L),
                batch -> batch.forEach(record -> replayed.add(record.key())), () -> { });

        assertThat(replayed).containsExactly("created", "other created", "other members", "renamed", "refused rename",
                "deleted");
    }

    @Test
    void stopsAtTheEndOffsetsAndGoesOnFromThereLater() {
        consumer.assign(ALL);
        consumer.updateBeginningOffsets(Map.of(EVENTS_0, 0L, EVENTS_1, 0L, RESULTS_0, 0L));
        add(EVENTS_0, 0, 1, "first");
        TimeOrderedReplay replay = new TimeOrderedReplay(consumer, ALL);
        replay.readTo(Map.of(EVENTS_0, 1L, EVENTS_1, 0L, RESULTS_0, 0L),
                batch -> batch.forEach(record -> replayed.add(record.key())), () -> { });
        assertThat(replayed).containsExactly("first");

        add(RESULTS_0, 0, 2, "second");
        add(EVENTS_0, 1, 3, "third");
        replay.readTo(Map.of(EVENTS_0, 2L, EVENTS_1, 0L, RESULTS_0, 1L),
                batch -> batch.forEach(record -> replayed.add(record.key())), () -> { });

        assertThat(replayed).containsExactly("first", "second", "third");
    }

    private void add(TopicPartition partition, long offset, long timestamp, String key) {
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, timestamp,
                TimestampType.CREATE_TIME, 0, 0, key, null, new RecordHeaders(), Optional.empty()));
    }
}
