package dev.steward.audit.rebuild;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rebuild of the audit projection and its progress, read while it runs. Per topic: the offsets consumed of the
 * end offsets captured at the start (summed over partitions), the entries written and the records passed over (no
 * audit activity, unreadable: the live projection dead-letters those).
 */
public final class Rebuild {

    /** What the rebuild is doing. */
    public enum Status {
        /** Replaying every topic from the beginning into the new tables, up to the end offsets captured at start. */
        replaying,
        /** Caught up: the live listeners are stopped and the last records are read before the new tables take over. */
        switching,
        /** The new tables are the live ones; the live listeners go on from where they stopped. */
        succeeded,
        /** Stopped with an error; the live tables are unchanged and the live listeners run again. */
        failed
    }

    /** Progress of one topic, summed over its partitions. */
    public static final class TopicProgress {
        private final AtomicLong offsetsDone = new AtomicLong();
        private final AtomicLong endOffsets = new AtomicLong();
        private final AtomicLong entriesWritten = new AtomicLong();
        private final AtomicLong recordsPassedOver = new AtomicLong();

        void offsets(long done, long end) {
            offsetsDone.set(done);
            endOffsets.set(end);
        }

        void written(int entries) {
            entriesWritten.addAndGet(entries);
        }

        void passedOver() {
            recordsPassedOver.incrementAndGet();
        }

        public long entriesWritten() {
            return entriesWritten.get();
        }
    }

    private final String id;
    private final Instant startedAt;
    private final Map<String, TopicProgress> topics = new LinkedHashMap<>();
    private volatile Status status = Status.replaying;
    private volatile Instant completedAt;
    private volatile String error;

    Rebuild(String id, Instant startedAt, List<String> topicNames) {
        this.id = id;
        this.startedAt = startedAt;
        topicNames.forEach(topic -> topics.put(topic, new TopicProgress()));
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public boolean finished() {
        return status == Status.succeeded || status == Status.failed;
    }

    TopicProgress topic(String name) {
        return topics.get(name);
    }

    void switching() {
        status = Status.switching;
    }

    void succeeded(Instant at) {
        completedAt = at;
        status = Status.succeeded;
    }

    void failed(Instant at, String reason) {
        completedAt = at;
        error = reason;
        status = Status.failed;
    }

    /** The JSON body of {@code GET /v1.0/auditLogs/rebuild/{id}}. */
    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", status.name());
        body.put("startedDateTime", startedAt.toString());
        body.put("completedDateTime", completedAt == null ? null : completedAt.toString());
        body.put("error", error);
        body.put("topics", topics.entrySet().stream().map(topic -> {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("topic", topic.getKey());
            progress.put("offsetsDone", topic.getValue().offsetsDone.get());
            progress.put("endOffsets", topic.getValue().endOffsets.get());
            progress.put("entriesWritten", topic.getValue().entriesWritten.get());
            progress.put("recordsPassedOver", topic.getValue().recordsPassedOver.get());
            return progress;
        }).toList());
        return body;
    }
}
