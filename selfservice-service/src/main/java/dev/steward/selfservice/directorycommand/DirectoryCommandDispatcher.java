package dev.steward.selfservice.directorycommand;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.lease.DatabaseLeases;
import dev.steward.platform.lease.Leadership;
import dev.steward.platform.security.ServiceTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends queued directory commands to {@code steward.directory.commands} with the service's own token
 * ({@code steward.client.*}, platform {@link ServiceTokens}): right after the transaction that queued them commits,
 * and every {@code steward.selfservice.directory-commands.poll-interval} for what is left (a broker or issuer that was
 * away). The oldest queued commands, up to {@code steward.selfservice.directory-commands.max-in-flight}, are handed
 * to the producer without waiting for each acknowledgement (a send that waits for its own caps the sender near a few
 * hundred commands per second), then every acknowledgement is awaited. A command is marked sent once the broker
 * acknowledged it; one that was not stays queued for the next round. Sending again after a crash is harmless, the
 * directory runs a command id once. Without {@code steward.client.id} nothing is sent and the commands wait.
 * <p>
 * With several instances only the one holding the database lease {@value #LEASE} (platform {@link Leadership},
 * {@code steward.selfservice.directory-commands.lease-duration}) sends; it takes or extends the lease before every
 * round, so another takes over within the lease's duration when it dies, at once when it stops.
 */
@Component
class DirectoryCommandDispatcher implements DisposableBean {

    /** The name of the sender's lease in {@code steward_lease}. */
    static final String LEASE = "directory-commands";

    private static final Logger log = LoggerFactory.getLogger(DirectoryCommandDispatcher.class);

    private final DirectoryCommands commands;
    private final KafkaTemplate<String, ContractMessage> template;
    private final ObjectProvider<ServiceTokens> tokens;
    private final int maxInFlight;
    private final Leadership leadership;
    private final AtomicBoolean sendScheduled = new AtomicBoolean();
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "selfservice-directory-commands");
        thread.setDaemon(true);
        return thread;
    });
    private boolean warnedNoClient;

    DirectoryCommandDispatcher(DirectoryCommands commands, KafkaTemplate<String, ContractMessage> template,
                               ObjectProvider<ServiceTokens> tokens,
                               @Value("${steward.selfservice.directory-commands.max-in-flight:500}") int maxInFlight,
                               DatabaseLeases leases, Clock clock,
                               @Value("${steward.selfservice.directory-commands.lease-duration:10s}") Duration leaseDuration) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("steward.selfservice.directory-commands.max-in-flight must be at least 1");
        }
        this.commands = commands;
        this.template = template;
        this.tokens = tokens;
        this.maxInFlight = maxInFlight;
        this.leadership = new Leadership(leases, LEASE, Leadership.instanceName(), leaseDuration, clock);
    }

    /** Many decisions committing at once start one send, which takes every command they queued. */
    @TransactionalEventListener
    void queued(DirectoryCommands.DirectoryCommandQueued queued) {
        if (sendScheduled.compareAndSet(false, true)) {
            afterCommit.execute(() -> {
                sendScheduled.set(false);
                sendQueued();
            });
        }
    }

    @Scheduled(fixedDelayString = "${steward.selfservice.directory-commands.poll-interval:1s}")
    void poll() {
        sendQueued();
    }

    /** Sends what is queued, oldest first, round after round while every command of a full round was acknowledged. */
    synchronized void sendQueued() {
        boolean more = true;
        while (more && leadership.hold()) {
            List<ContractCommand> queued = commands.queued(maxInFlight);
            more = sendRound(queued) && queued.size() == maxInFlight;
        }
    }

    /** Answers whether every command was acknowledged. */
    private boolean sendRound(List<ContractCommand> queued) {
        if (queued.isEmpty()) {
            return true;
        }
        ServiceTokens serviceTokens = tokens.getIfAvailable();
        if (serviceTokens == null) {
            if (!warnedNoClient) {
                log.warn("{} directory command(s) wait: steward.client.id is not set, so this service has no token "
                        + "to send them with", queued.size());
                warnedNoClient = true;
            }
            return false;
        }
        String token;
        try {
            token = serviceTokens.accessToken();
        } catch (ServiceTokens.ServiceTokenException e) {
            log.warn("{} directory command(s) not sent, retried later: {}", queued.size(), e.getMessage());
            commands.markSendFailed(ids(queued), e.getMessage());
            return false;
        }
        Map<ContractCommand, ContractPublisher.Sent> inFlight = new LinkedHashMap<>();
        for (ContractCommand command : queued) {
            inFlight.put(command, transmit(command, token));
        }
        List<String> acknowledged = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        inFlight.forEach((command, sent) -> {
            String commandId = command.metadata().commandId().toString();
            try {
                ContractPublisher.await(sent);
                acknowledged.add(commandId);
            } catch (ContractPublisher.PublishFailedException e) {
                log.warn("directory command {} not sent, retried later: {}", commandId, e.getMessage());
                failed.put(commandId, e.getMessage());
            } catch (RuntimeException e) {
                log.error("directory command {} could not be sent: {}", commandId, e.getMessage(), e);
                failed.put(commandId, e.getMessage());
            }
        });
        commands.markSent(acknowledged);
        failed.forEach((commandId, error) -> commands.markSendFailed(List.of(commandId), error));
        return failed.isEmpty();
    }

    private ContractPublisher.Sent transmit(ContractCommand command, String token) {
        CompletableFuture<?> acknowledgement;
        try {
            acknowledgement = template.send(ContractPublisher.commandRecord(Topics.DIRECTORY_COMMANDS, command, token));
        } catch (RuntimeException e) {
            acknowledgement = CompletableFuture.failedFuture(e);
        }
        return new ContractPublisher.Sent(Topics.DIRECTORY_COMMANDS, acknowledgement);
    }

    private static List<String> ids(List<ContractCommand> queued) {
        return queued.stream().map(command -> command.metadata().commandId().toString()).toList();
    }

    @Override
    public void destroy() {
        afterCommit.shutdownNow();
        try {
            leadership.release();
        } catch (RuntimeException e) {
            log.warn("could not release the {} lease; another instance takes it once it expires: {}", LEASE,
                    e.getMessage());
        }
    }
}
