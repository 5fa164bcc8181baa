package dev.steward.directory.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Whether the publisher is stuck: a batch of it failed (an outage it waits out, or an event it retries) and none has
 * committed since. Axon's pooled processor drops a failed segment's status while it waits to retry it, so the
 * processor's own status does not show this for longer than a few milliseconds ({@link EventProcessingHealth}).
 */
@Component
class PublisherProgress implements ConfigurerModule {

    private static final String COMMIT_WATCHED = PublisherProgress.class.getName() + ".watched";

    private final Clock clock;
    private final AtomicReference<Failure> failure = new AtomicReference<>();

    PublisherProgress(Clock clock) {
        this.clock = clock;
    }

    /** The first failure since the last committed batch, and the last failure's error. */
    record Failure(Instant since, String error) {
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing
                .registerErrorHandler(DirectoryEventPublisher.PROCESSING_GROUP, configuration -> this::batchFailed)
                .registerHandlerInterceptor(DirectoryEventPublisher.PROCESSING_GROUP,
                        configuration -> this::watchCommit));
    }

    Optional<Failure> stuck() {
        return Optional.ofNullable(failure.get());
    }

    /** The failure is recorded and passed on, so the batch is retried as before. */
    void batchFailed(ErrorContext context) throws Exception {
        String error = context.error().getClass().getSimpleName() + ": " + context.error().getMessage();
        failure.updateAndGet(previous -> new Failure(previous == null ? clock.instant() : previous.since(), error));
        PropagatingErrorHandler.instance().handleError(context);
    }

    private Object watchCommit(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(COMMIT_WATCHED, key -> {
            batch.afterCommit(committed -> failure.set(null));
            return Boolean.TRUE;
        });
        return chain.proceed();
    }
}
