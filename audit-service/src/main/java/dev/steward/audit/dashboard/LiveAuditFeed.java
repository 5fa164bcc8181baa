package dev.steward.audit.dashboard;

import dev.steward.audit.directoryaudit.model.AuditJson;
import dev.steward.audit.directoryaudit.model.DirectoryAudit;
import dev.steward.audit.directoryaudit.projection.AuditEntriesRecorded;
import dev.steward.platform.web.GraphException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of the entries the live projection adds, once they are committed: one {@code directoryAudit}
 * event per entry (its id as the event id, the entry's JSON as data). Sending happens on this feed's own thread, so a
 * slow client never holds up the projection; when more than {@value #MAX_PENDING} batches wait, new ones are dropped
 * (and logged). A comment line every {@code heartbeat-interval} keeps proxies from closing an idle stream and lets a
 * closed one be noticed. Entries projected by another instance of the service are not announced here.
 */
@Component
public class LiveAuditFeed implements DisposableBean {

    static final String ENTRY_EVENT = "directoryAudit";
    static final String READY_EVENT = "ready";
    private static final int MAX_PENDING = 1_000;
    private static final Logger log = LoggerFactory.getLogger(LiveAuditFeed.class);

    private final Set<SseEmitter> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "audit-live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final int maxSubscribers;
    private final Duration timeout;

    public LiveAuditFeed(@Value("${steward.audit.live.max-subscribers:100}") int maxSubscribers,
                         @Value("${steward.audit.live.timeout:30m}") Duration timeout,
                         @Value("${steward.audit.live.heartbeat-interval:15s}") Duration heartbeat) {
        this.maxSubscribers = maxSubscribers;
        this.timeout = timeout;
        sender.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A new stream; it starts with a {@code ready} event. 429 when {@code max-subscribers} streams are open. */
    public SseEmitter subscribe() {
        if (subscribers.size() >= maxSubscribers) {
            throw new GraphException(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    "Too many live audit streams are open; try again later.");
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> subscribers.remove(emitter));
        subscribers.add(emitter);
        send(emitter, SseEmitter.event().name(READY_EVENT).data("{}"));
        return emitter;
    }

    int subscribers() {
        return subscribers.size();
    }

    @TransactionalEventListener
    void on(AuditEntriesRecorded recorded) {
        if (subscribers.isEmpty()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            log.warn("live audit feed is {} batches behind; {} entries not announced", MAX_PENDING,
                    recorded.entries().size());
            return;
        }
        sender.execute(() -> {
            pending.decrementAndGet();
            broadcast(recorded.entries());
        });
    }

    private void broadcast(List<DirectoryAudit> entries) {
        for (SseEmitter emitter : subscribers) {
            for (DirectoryAudit entry : entries) {
                if (!send(emitter, SseEmitter.event().name(ENTRY_EVENT).id(entry.id()).data(AuditJson.write(entry)))) {
                    break;
                }
            }
        }
    }

    private void heartbeat() {
        for (SseEmitter emitter : subscribers) {
            send(emitter, SseEmitter.event().comment("keep-alive"));
        }
    }

    /**
     * Sends, or drops the subscriber whose connection is gone (the servlet container then ends the request; see
     * {@link LiveAuditController}).
     */
    private boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(emitter);
            return false;
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }
}
