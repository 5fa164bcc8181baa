package dev.steward.directory.common;

import dev.steward.directory.group.api.CreateGroup;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(origin.toMetaData()));
        } catch (ConcurrencyException e) {
            if (command instanceof CreateGroup) {
                throw new DirectoryException(DirectoryErrorCode.ID_ALREADY_EXISTS);
            }
            throw e;
        }
    }
}
