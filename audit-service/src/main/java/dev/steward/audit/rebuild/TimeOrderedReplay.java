package dev.steward.audit.rebuild;

import dev.steward.contracts.ContractMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads assigned partitions from where the consumer stands up to given end offsets and hands the records on in
 * batches, merged across partitions in record timestamp order (each partition's own order kept): a k-way merge that
 * takes a record only when every partition not yet at its end has one waiting. The live projection reads records
 * about when they are produced; reading them in the same order makes look-ups across topics (a command result naming
 * its group from the directory's events) come out as they did live. A partition with records waiting is paused, so
 * at most one poll's worth per partition is held.
 */
final class TimeOrderedReplay {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int BATCH = 500;

    private final org.apache.kafka.clients.consumer.Consumer<String, ContractMessage> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, ContractMessage>>> waiting = new HashMap<>();

    TimeOrderedReplay(org.apache.kafka.clients.consumer.Consumer<String, ContractMessage> consumer,
                      List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
        partitions.forEach(partition -> waiting.put(partition, new ArrayDeque<>()));
    }

    /**
     * Reads until every partition has reached {@code end} and nothing is waiting, handing on batches in timestamp
     * order, and calling {@code afterBatch} after each one (and after each poll) for progress.
     */
    void readTo(Map<TopicPartition, Long> end, Consumer<List<ConsumerRecord<String, ContractMessage>>> batches,
                Runnable afterBatch) {
        afterBatch.run();
        for (;;) {
            List<TopicPartition> empty = emptyBeforeEnd(end);
            if (!empty.isEmpty()) {
                List<TopicPartition> full = partitions.stream().filter(p -> !waiting.get(p).isEmpty()).toList();
                consumer.pause(full);
                consumer.resume(empty);
                consumer.poll(POLL).forEach(record -> waiting
                        .get(new TopicPartition(record.topic(), record.partition())).add(record));
                afterBatch.run();
                continue;
            }
            if (waiting.values().stream().allMatch(ArrayDeque::isEmpty)) {
                return;
            }
            List<ConsumerRecord<String, ContractMessage>> batch = new ArrayList<>();
            while (batch.size() < BATCH && emptyBeforeEnd(end).isEmpty()) {
                ArrayDeque<ConsumerRecord<String, ContractMessage>> oldest = waiting.values().stream()
                        .filter(queue -> !queue.isEmpty())
                        .min(Comparator.comparingLong(queue -> queue.peek().timestamp()))
                        .orElse(null);
                if (oldest == null) {
                    break;
                }
                batch.add(oldest.poll());
            }
            batches.accept(batch);
            afterBatch.run();
        }
    }

    /** Partitions with nothing waiting whose position is before their end: the merge must wait for them. */
    private List<TopicPartition> emptyBeforeEnd(Map<TopicPartition, Long> end) {
        return partitions.stream()
                .filter(p -> waiting.get(p).isEmpty() && consumer.position(p) < end.getOrDefault(p, 0L))
                .toList();
    }
}
