package dev.steward.selfservice.directory;

import dev.steward.contracts.IntegrationEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The batch form of the platform's {@code ProcessedMessages} for the read model: one query finds which of a poll's
 * events were applied before, one batched insert records the rest in {@code processed_message}, in the transaction
 * that applies them. The insert has no {@code ON CONFLICT}: if another consumer recorded one of them meanwhile (a
 * rebalance), it fails on the key and the whole batch rolls back, so an event is never applied twice; the caller
 * then applies the events one by one, where {@code ProcessedMessages} drops that duplicate.
 */
@Component
class ProcessedEventBatch {

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProcessedEventBatch(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The events not applied before, in their order, each id once; records them as applied. */
    List<IntegrationEvent> markFirstSeen(String consumer, List<IntegrationEvent> events) {
        Map<String, IntegrationEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.messageId(), event));
        Set<String> seen = seenBefore(consumer, new ArrayList<>(byId.keySet()));
        List<IntegrationEvent> fresh = byId.values().stream().filter(event -> !seen.contains(event.messageId())).toList();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES (?, ?, ?)",
                fresh.stream().map(event -> new Object[] {consumer, event.messageId(), now}).toList());
        return fresh;
    }

    private Set<String> seenBefore(String consumer, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<Object> arguments = new ArrayList<>(chunk.size() + 1);
            arguments.add(consumer);
            arguments.addAll(chunk);
            seen.addAll(jdbc.queryForList("SELECT message_id FROM processed_message WHERE consumer = ? AND message_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", String.class,
                    arguments.toArray()));
        }
        return seen;
    }
}
