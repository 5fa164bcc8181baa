package dev.steward.directory.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Answers a command that asks for it ({@value #REPORT_VERSION} in its metadata) with the version of its target
 * aggregate after the command, in the result's metadata ({@value #VERSION}). Read while the command's unit of work is
 * still open: the sequence number of the last event the command staged, or, if it staged none, the last one stored.
 */
public class AggregateVersionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String REPORT_VERSION = "steward.reportVersion";
    static final String VERSION = "steward.version";

    private final EventStore events;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public AggregateVersionInterceptor(EventStore events) {
        this.events = events;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!Boolean.TRUE.equals(command.getMetaData().get(REPORT_VERSION))) {
            return result;
        }
        String aggregateId = targets.resolveTarget(command).getIdentifier();
        Long version = events.lastSequenceNumberFor(aggregateId).orElse(null);
        return GenericCommandResultMessage.asCommandResultMessage(result).andMetaData(MetaData.with(VERSION, version));
    }
}
