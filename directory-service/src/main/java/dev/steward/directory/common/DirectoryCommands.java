package dev.steward.directory.common;

import dev.steward.directory.group.api.CreateGroup;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command with its origin (initiator, correlation id) as metadata and waits for the outcome. A refusal
 * comes back as a {@code CommandExecutionException} carrying a {@link DirectoryError}.
 */
@Component
public class DirectoryCommands {

    private final CommandGateway gateway;

    public DirectoryCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, CommandOrigin origin) {
        return this.<R>outcome(message(command, origin), command).getPayload();
    }

    /**
     * Sends like {@link #send} and answers the version of the command's aggregate once the command has run: the
     * sequence number of its last event (see {@link AggregateVersionInterceptor}).
     */
    public long sendForVersion(Object command, CommandOrigin origin) {
        CommandResultMessage<?> outcome = outcome(message(command, origin)
                .andMetaData(MetaData.with(AggregateVersionInterceptor.REPORT_VERSION, true)), command);
        if (!(outcome.getMetaData().get(AggregateVersionInterceptor.VERSION) instanceof Long version)) {
            throw new IllegalStateException("no aggregate version after " + command.getClass().getName());
        }
        return version;
    }

    private static CommandMessage<?> message(Object command, CommandOrigin origin) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(origin.toMetaData());
    }

    /** The gateway's {@code sendAndWait}, keeping the result's metadata. */
    @SuppressWarnings("unchecked")
    private <R> CommandResultMessage<R> outcome(CommandMessage<?> message, Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        gateway.send(message, callback);
        CommandResultMessage<?> outcome = callback.getResult();
        if (outcome.isExceptional()) {
            Throwable failure = outcome.exceptionResult();
            if (command instanceof CreateGroup && (failure instanceof AggregateStreamCreationException
                    || failure instanceof ConcurrencyException)) {
                throw new DirectoryException(DirectoryErrorCode.ID_ALREADY_EXISTS);
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw failure instanceof RuntimeException runtime ? runtime
                    : new CommandExecutionException("An exception occurred while executing a command", failure);
        }
        return (CommandResultMessage<R>) outcome;
    }
}
