package dev.steward.directory.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event store read as a change feed, by global index ({@code domain_event_entry}): the events after a position,
 * of the types a delta query cares about, deserialized by Axon's event serializer. No second change log is kept.
 *
 * <p>Global indexes are handed out before a transaction commits, so an event with a lower index can become visible
 * after one with a higher index (and a rolled-back transaction leaves a gap for ever). A delta round therefore only
 * reads up to the {@link #settledPosition() settled position}: below the first gap that a recent event follows.
 * An older gap is taken for a rollback.
 */
@Component
class EventFeed {

    /** Rows read from the tail at a time while looking for recent gaps. */
    private static final int TAIL_CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Duration gapGrace;

    EventFeed(NamedParameterJdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, Clock clock,
              @Value("${steward.directory.delta.gap-grace:PT5S}") Duration gapGrace) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.gapGrace = gapGrace;
    }

    /** An event of the feed: its global index, its aggregate, its payload. */
    record Event(long index, String aggregateId, Object payload) {
    }

    /**
     * The highest position up to which every event is visible or will never be: the newest index, unless an index
     * below it is missing and the event after the gap is younger than the grace period (its transaction may still
     * be committing), in which case the position stops just below that gap.
     */
    long settledPosition() {
        Instant recent = clock.instant().minus(gapGrace);
        long settled = -1;
        Long above = null;
        long upper = Long.MAX_VALUE;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT global_index, time_stamp FROM domain_event_entry"
                    + " WHERE global_index <= :upper ORDER BY global_index DESC LIMIT :limit",
                    new MapSqlParameterSource("upper", upper).addValue("limit", TAIL_CHUNK));
            for (Map<String, Object> row : rows) {
                long index = ((Number) row.get("global_index")).longValue();
                boolean fresh = DateTimeUtils.parseInstant(row.get("time_stamp").toString()).isAfter(recent);
                if (settled < 0) {
                    settled = index;
                }
                if (above != null && above - index > 1) {
                    settled = index;
                }
                if (!fresh) {
                    return settled;
                }
                above = index;
                upper = index - 1;
            }
            if (rows.size() < TAIL_CHUNK) {
                return above == null ? Math.max(settled, 0) : freshTail(above, settled);
            }
        }
    }

    /** Every event is recent: a gap below the oldest one (from index 1) may still be filled. */
    private static long freshTail(long oldest, long settled) {
        return oldest > 1 ? 0 : settled;
    }

    /**
     * Up to {@code limit} events of the given payload types with a global index in {@code (after, end]}, in index
     * order.
     */
    List<Event> read(long after, long end, Collection<Class<?>> types, int limit) {
        Map<String, Class<?>> typeNames = types.stream()
                .collect(Collectors.toMap(type -> serializer.typeForClass(type).getName(), Function.identity()));
        List<Event> events = new ArrayList<>();
        jdbc.query("SELECT global_index, aggregate_identifier, payload_type, payload_revision, payload"
                        + " FROM domain_event_entry WHERE global_index > :after AND global_index <= :end"
                        + " AND payload_type IN (:types) ORDER BY global_index LIMIT :limit",
                new MapSqlParameterSource("after", after).addValue("end", end)
                        .addValue("types", typeNames.keySet()).addValue("limit", limit),
                row -> {
                    SerializedType type = new SimpleSerializedType(row.getString("payload_type"),
                            row.getString("payload_revision"));
                    Object payload = serializer.deserialize(
                            new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class, type));
                    events.add(new Event(row.getLong("global_index"), row.getString("aggregate_identifier"),
                            payload));
                });
        return events;
    }
}
