package dev.steward.directory.kafka;

import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.kafka.Outages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the publisher does with an event it failed to map, read or send. An outage of the database or the broker
 * ({@link Outages}) is waited out however long it lasts and never parks anything. An event that can never be sent
 * ({@link ContractPublisher.PublishRefusedException}) or mapped ({@link IllegalArgumentException},
 * {@link NullPointerException}) is parked at once. Any other failure fails the batch, which Axon retries with a
 * growing pause (the whole batch, from the segment's last token); once the same event has failed
 * {@code steward.directory.publisher.max-attempts} times it is parked with the reason, and the events behind it go on.
 * <p>
 * Failures are counted per event id, in memory, for at most {@value #TRACKED} events (the oldest are forgotten
 * first). A restart counts from zero again: a bad event then costs another round of attempts, nothing worse. A count
 * is dropped when its event is published or its parking commits; a batch that fails after parking an event rolls the
 * parking back, and the event, already at the bound, is parked again at its next failure.
 * <p>
 * The error handler of the publisher's processing group, for failures inside its event handlers (mapping the event,
 * deserializing its payload); {@link DirectoryEventPublisher} reports the sends' failures itself.
 */
@Component
class PublishFailures implements ListenerInvocationErrorHandler, ConfigurerModule {

    static final int TRACKED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(PublishFailures.class);

    private final ParkedEvents parked;
    private final int maxAttempts;
    private final Map<String, Integer> failures = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > TRACKED;
        }
    });

    PublishFailures(ParkedEvents parked, @Value("${steward.directory.publisher.max-attempts:5}") int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("steward.directory.publisher.max-attempts must be at least 1");
        }
        this.parked = parked;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                DirectoryEventPublisher.PROCESSING_GROUP, configuration -> this));
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event,
                        EventMessageHandler eventHandler) throws Exception {
        if (!parkIfPoison(event, exception)) {
            throw exception;
        }
    }

    /**
     * Parks {@code event} if {@code failure} can never be cured or the event has now failed {@code max-attempts}
     * times; false if it is to be retried (an outage, or attempts left).
     */
    boolean parkIfPoison(EventMessage<?> event, Exception failure) {
        if (Outages.isOutage(failure)) {
            return false;
        }
        String eventId = event.getIdentifier();
        int attempts = failures.merge(eventId, 1, Integer::sum);
        if (neverSucceeds(failure)) {
            parked.park(event, describe(failure));
        } else if (attempts >= maxAttempts) {
            parked.park(event, "failed " + attempts + " times; the last time: " + describe(failure));
        } else {
            log.warn("event {} ({}) failed (attempt {} of {}); its batch will be retried: {}", eventId,
                    event.getPayloadType().getSimpleName(), attempts, maxAttempts, describe(failure));
            return false;
        }
        ParkedEvents.afterCommit(() -> failures.remove(eventId));
        return true;
    }

    /** {@code event} reached the broker: a later failure of it (a replay) counts from zero. */
    void published(EventMessage<?> event) {
        failures.remove(event.getIdentifier());
    }

    /** Events with a failure counted and not yet published or parked. */
    int tracked() {
        return failures.size();
    }

    private static boolean neverSucceeds(Exception failure) {
        return failure instanceof ContractPublisher.PublishRefusedException
                || failure instanceof IllegalArgumentException || failure instanceof NullPointerException;
    }

    /** The failure, and its root cause if that says more: e.g. Axon's "cannot deserialize" and Jackson's why. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (root == failure || root.getMessage() != null && text.contains(root.getMessage())) {
            return text;
        }
        return text + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
