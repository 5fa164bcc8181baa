package dev.steward.directory.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Which segments of the publisher are stuck: a batch of the segment failed (an outage it waits out, or an event it
 * retries) and none of that segment has committed since; another segment's progress does not clear it. Axon's pooled
 * processor drops a failed segment's status while it waits to retry it, so the processor's own status does not show
 * this for longer than a few milliseconds ({@link EventProcessingHealth}).
 */
@Component
class PublisherProgress implements ConfigurerModule {

    private static final String WATCHED = PublisherProgress.class.getName() + ".watched";
    /** Where Axon's pooled processor keeps a batch's segment in the batch's unit of work. */
    private static final String SEGMENT = "Processor[" + DirectoryEventPublisher.PROCESSING_GROUP + "]/SegmentId";

    private final Clock clock;
    private final Map<Integer, Failure> failing = new ConcurrentHashMap<>();

    PublisherProgress(Clock clock) {
        this.clock = clock;
    }

    /** A segment's first failure since its last committed batch, and its last failure's error. */
    record Failure(Instant since, String error) {
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                DirectoryEventPublisher.PROCESSING_GROUP, configuration -> this::watch));
    }

    /** The stuck segments, by segment id. */
    SortedMap<Integer, Failure> stuck() {
        return new TreeMap<>(failing);
    }

    /** Watches the batch the event is handled in: its rollback marks its segment failing, its commit clears it. */
    Object watch(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(WATCHED, key -> {
            int segment = batch.getResource(SEGMENT) instanceof Integer id ? id : -1;
            batch.afterCommit(committed -> failing.remove(segment));
            batch.onRollback(rolledBack -> failed(segment, rolledBack.getExecutionResult()));
            return Boolean.TRUE;
        });
        return chain.proceed();
    }

    private void failed(int segment, ExecutionResult result) {
        Throwable error = result == null ? null : result.getExceptionResult();
        String text = error == null ? "rolled back" : error.getClass().getSimpleName() + ": " + error.getMessage();
        failing.merge(segment, new Failure(clock.instant(), text),
                (previous, latest) -> new Failure(previous.since(), latest.error()));
    }
}
