package dev.steward.selfservice.directorycommand;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.Topics;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.security.ServiceTokens;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends queued directory commands to {@code steward.directory.commands} with the service's own token
 * ({@code steward.client.*}, platform {@link ServiceTokens}): right after the transaction that queued them commits,
 * and every {@code steward.selfservice.directory-commands.poll-interval} for what is left (a broker or issuer that was
 * away). A command is marked sent once the broker acknowledged it; sending again after a crash is harmless, the
 * directory runs a command id once. Without {@code steward.client.id} nothing is sent and the commands wait.
 */
@Component
class DirectoryCommandDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCommandDispatcher.class);
    private static final int BATCH = 100;

    private final DirectoryCommands commands;
    private final ContractPublisher publisher;
    private final ObjectProvider<ServiceTokens> tokens;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "selfservice-directory-commands");
        thread.setDaemon(true);
        return thread;
    });
    private boolean warnedNoClient;

    DirectoryCommandDispatcher(DirectoryCommands commands, ContractPublisher publisher,
                               ObjectProvider<ServiceTokens> tokens) {
        this.commands = commands;
        this.publisher = publisher;
        this.tokens = tokens;
    }

    @TransactionalEventListener
    void queued(DirectoryCommands.DirectoryCommandQueued queued) {
        afterCommit.execute(this::sendQueued);
    }

    @Scheduled(fixedDelayString = "${steward.selfservice.directory-commands.poll-interval:1s}")
    void poll() {
        sendQueued();
    }

    /** Sends what is queued, oldest first; stops at the first failure to reach the broker or the issuer. */
    synchronized void sendQueued() {
        List<ContractCommand> queued = commands.queued(BATCH);
        if (queued.isEmpty()) {
            return;
        }
        ServiceTokens serviceTokens = tokens.getIfAvailable();
        if (serviceTokens == null) {
            if (!warnedNoClient) {
                log.warn("{} directory command(s) wait: steward.client.id is not set, so this service has no token "
                        + "to send them with", queued.size());
                warnedNoClient = true;
            }
            return;
        }
        for (ContractCommand command : queued) {
            String commandId = command.metadata().commandId().toString();
            try {
                publisher.sendCommand(Topics.DIRECTORY_COMMANDS, command, serviceTokens.accessToken());
                commands.markSent(commandId);
            } catch (ServiceTokens.ServiceTokenException | ContractPublisher.PublishFailedException e) {
                log.warn("directory command {} not sent, retried later: {}", commandId, e.getMessage());
                commands.markSendFailed(commandId, e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.error("directory command {} could not be sent: {}", commandId, e.getMessage(), e);
                commands.markSendFailed(commandId, e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        afterCommit.shutdownNow();
    }
}
