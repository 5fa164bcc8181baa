package dev.steward.directory.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The one place where domain exceptions become command results: a {@link DirectoryException} (or an unknown
 * aggregate) leaves the command bus as a {@link CommandExecutionException} whose details are a
 * {@link DirectoryError}. That survives a distributed command bus too, where exception classes do not.
 */
public class DirectoryErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DirectoryException e) {
            throw new CommandExecutionException(e.getMessage(), null, e.toError());
        } catch (AggregateNotFoundException e) {
            DirectoryException notFound = new DirectoryException(DirectoryErrorCode.OBJECT_NOT_FOUND,
                    e.getAggregateIdentifier());
            throw new CommandExecutionException(notFound.getMessage(), null, notFound.toError());
        }
    }
}
