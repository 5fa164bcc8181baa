package dev.steward.selfservice.outbox;

import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.platform.kafka.ContractPublisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes the outbox in order, at least once: a message is deleted only after the broker acknowledged it. It runs
 * right after a transaction that queued messages commits, and on a fixed delay to pick up whatever a failed
 * publish or a restart left behind. One thread drains, so messages keep their order. A message published but not
 * yet deleted when the service stops is published again: consumers drop it by its id.
 */
@Component
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final ContractPublisher publisher;
    private final int batchSize;
    private final ExecutorService drainer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    public OutboxRelay(JdbcTemplate jdbc, ContractPublisher publisher,
                       @Value("${steward.outbox.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAppended(Outbox.OutboxAppended appended) {
        wake();
    }

    @Scheduled(fixedDelayString = "${steward.outbox.poll-interval-ms:1000}")
    void poll() {
        wake();
    }

    /** Asks the relay thread to drain the outbox; several wake-ups before it runs make one drain. */
    public void wake() {
        if (drainer.isShutdown() || !drainQueued.compareAndSet(false, true)) {
            return;
        }
        drainer.execute(() -> {
            drainQueued.set(false);
            try {
                drain();
            } catch (RuntimeException e) {
                log.warn("outbox drain failed; retrying on the next poll: {}", e.getMessage());
            }
        });
    }

    /**
     * Publishes queued messages, oldest first, until the outbox is empty or a publish fails (the rest wait for the
     * next drain, so order is kept). Answers how many were published.
     */
    public int drain() {
        int published = 0;
        while (true) {
            List<Row> rows = jdbc.query("SELECT id, topic, message_type, payload FROM outbox_message ORDER BY id LIMIT ?",
                    (rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_type"),
                            rs.getString("payload")), batchSize);
            for (Row row : rows) {
                ContractMessage message = ContractJson.read(row.type(), row.payload().getBytes(StandardCharsets.UTF_8));
                try {
                    publisher.publish(row.topic(), message);
                } catch (RuntimeException e) {
                    jdbc.update("UPDATE outbox_message SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                            truncate(e.getMessage()), row.id());
                    log.warn("could not publish outbox message {} to {}; will retry: {}", row.id(), row.topic(),
                            e.getMessage());
                    return published;
                }
                jdbc.update("DELETE FROM outbox_message WHERE id = ?", row.id());
                published++;
            }
            if (rows.size() < batchSize) {
                return published;
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        drainer.shutdown();
        if (!drainer.awaitTermination(10, TimeUnit.SECONDS)) {
            drainer.shutdownNow();
        }
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private record Row(long id, String topic, String type, String payload) {
    }
}
