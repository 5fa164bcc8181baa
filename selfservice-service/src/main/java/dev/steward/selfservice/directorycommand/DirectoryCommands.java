package dev.steward.selfservice.directorycommand;

import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.selfservice.config.IdGenerator;
import dev.steward.selfservice.directory.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The member adds and removals self-service asks of the directory (table {@code directory_command}). A command is
 * queued in the transaction of the decision that caused it, so it exists if and only if the decision was committed;
 * {@link DirectoryCommandDispatcher} sends it, and the directory's {@code CommandResult} answers it once.
 */
@Repository
public class DirectoryCommands {

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;

    public DirectoryCommands(JdbcTemplate jdbc, Clock clock, IdGenerator ids, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    /** Queues {@code AddMembers} of one member; answers the command id. */
    public String queueAdd(String groupId, String memberId, String requestId, String initiatorId, String correlationId) {
        CommandMetadata metadata = new CommandMetadata(ids.newId(), clock.instant(), correlationId);
        return queue(new AddMembers(metadata, groupId, List.of(memberId)), groupId, memberId, requestId, initiatorId);
    }

    /** Queues {@code RemoveMembers} of one member; answers the command id. */
    public String queueRemove(String groupId, String memberId, String initiatorId, String correlationId) {
        CommandMetadata metadata = new CommandMetadata(ids.newId(), clock.instant(), correlationId);
        return queue(new RemoveMembers(metadata, groupId, List.of(memberId)), groupId, memberId, null, initiatorId);
    }

    /**
     * Whether an {@code AddMembers} of this member to this group is queued or sent and not answered yet: the read model
     * shows the member only once the directory confirmed, so a second add meanwhile would ask for it twice.
     */
    public boolean hasUnansweredAdd(String groupId, String memberId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_command WHERE status IN (?, ?) "
                        + "AND group_id = ? AND member_id = ? AND command_type = ?", Integer.class,
                DirectoryCommandStatus.QUEUED.wireName(), DirectoryCommandStatus.SENT.wireName(), groupId, memberId,
                MessageTypes.nameOf(AddMembers.class));
        return count != null && count > 0;
    }

    private String queue(ContractCommand command, String groupId, String memberId, String requestId,
                         String initiatorId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("directory commands are queued in the transaction of their decision");
        }
        String commandId = command.metadata().commandId().toString();
        jdbc.update("INSERT INTO directory_command (command_id, command_type, group_id, member_id, request_id, "
                        + "initiator_id, payload, status, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                commandId, MessageTypes.nameOf(command.getClass()), groupId, memberId, requestId, initiatorId,
                ContractJson.writeString(command), DirectoryCommandStatus.QUEUED.wireName(),
                Timestamps.toColumn(clock.instant()));
        events.publishEvent(new DirectoryCommandQueued(commandId));
        return commandId;
    }

    /** The oldest commands not sent yet. */
    List<ContractCommand> queued(int limit) {
        return jdbc.query("SELECT command_type, payload FROM directory_command WHERE status = ? "
                        + "ORDER BY created_at, command_id LIMIT ?",
                (rs, row) -> (ContractCommand) ContractJson.read(rs.getString("command_type"),
                        rs.getString("payload").getBytes(StandardCharsets.UTF_8)),
                DirectoryCommandStatus.QUEUED.wireName(), limit);
    }

    /** Marks the commands the broker acknowledged as sent (one the directory already answered keeps its answer). */
    void markSent(List<String> commandIds) {
        var sentAt = Timestamps.toColumn(clock.instant());
        jdbc.batchUpdate("UPDATE directory_command SET status = ?, sent_at = ?, attempts = attempts + 1, "
                        + "last_error = NULL WHERE command_id = ? AND status = ?",
                commandIds.stream().map(commandId -> new Object[] {DirectoryCommandStatus.SENT.wireName(), sentAt,
                        commandId, DirectoryCommandStatus.QUEUED.wireName()}).toList());
    }

    void markSendFailed(List<String> commandIds, String error) {
        String lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        jdbc.batchUpdate("UPDATE directory_command SET attempts = attempts + 1, last_error = ? WHERE command_id = ?",
                commandIds.stream().map(commandId -> new Object[] {lastError, commandId}).toList());
    }

    /**
     * Records the directory's answer to one of these commands, once: answers the command as it was queued, or empty
     * for a result of someone else's command and for a repeated result.
     */
    public Optional<Answered> recordAnswer(CommandResult result) {
        return recordAnswers(List.of(result)).stream().map(AnsweredResult::command).findFirst();
    }

    /**
     * Records the directory's answers to these commands with one locking query and one batched update, as
     * {@link #recordAnswer} of each in turn would: the first answer to a command counts, a later one (in this list or
     * after an earlier call) and answers to other services' commands are skipped. Answers the recorded ones, in the
     * order of {@code results}.
     */
    public List<AnsweredResult> recordAnswers(List<CommandResult> results) {
        Map<String, CommandResult> firstAnswers = new LinkedHashMap<>();
        results.forEach(result -> firstAnswers.putIfAbsent(result.commandId().toString(), result));
        List<String> ids = firstAnswers.keySet().stream().sorted().toList();
        Map<String, Answered> open = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<Object> args = new ArrayList<>(chunk);
            args.add(DirectoryCommandStatus.QUEUED.wireName());
            args.add(DirectoryCommandStatus.SENT.wireName());
            jdbc.query("SELECT command_id, command_type, group_id, member_id, request_id, initiator_id "
                            + "FROM directory_command WHERE command_id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ") AND status IN (?, ?) ORDER BY command_id FOR UPDATE",
                    rs -> {
                        open.put(rs.getString("command_id"), new Answered(rs.getString("command_id"),
                                rs.getString("command_type"), rs.getString("group_id"), rs.getString("member_id"),
                                rs.getString("request_id"), rs.getString("initiator_id")));
                    }, args.toArray());
        }
        List<AnsweredResult> answered = new ArrayList<>();
        firstAnswers.forEach((commandId, result) -> {
            Answered command = open.get(commandId);
            if (command != null) {
                answered.add(new AnsweredResult(command, result));
            }
        });
        if (!answered.isEmpty()) {
            var completedAt = Timestamps.toColumn(clock.instant());
            jdbc.batchUpdate("UPDATE directory_command SET status = ?, error_code = ?, error_message = ?, "
                            + "completed_at = ? WHERE command_id = ?",
                    answered.stream().map(answer -> {
                        CommandResult result = answer.result();
                        return new Object[] {(result.status() == CommandResult.Status.SUCCEEDED
                                ? DirectoryCommandStatus.SUCCEEDED : DirectoryCommandStatus.REJECTED).wireName(),
                                result.errorCode(), result.message() == null ? null
                                        : result.message().substring(0, Math.min(result.message().length(), 1000)),
                                completedAt, answer.command().commandId()};
                    }).toList());
        }
        return answered;
    }

    /** Where one command stands; empty for an unknown id. */
    public Optional<DirectoryCommandView> find(String commandId) {
        return jdbc.query("SELECT command_id, command_type, group_id, member_id, initiator_id, status, error_code, "
                        + "error_message, created_at, completed_at FROM directory_command WHERE command_id = ?",
                (rs, row) -> new DirectoryCommandView(rs.getString("command_id"),
                        rs.getString("command_type"), rs.getString("group_id"), rs.getString("member_id"),
                        rs.getString("initiator_id"), DirectoryCommandStatus.fromWireName(rs.getString("status")),
                        rs.getString("error_code"), rs.getString("error_message"),
                        Timestamps.fromColumn(rs.getObject("created_at", java.time.LocalDateTime.class)),
                        Timestamps.fromColumn(rs.getObject("completed_at", java.time.LocalDateTime.class))),
                commandId).stream().findFirst();
    }

    /** A command the directory answered, as it was queued, with the answer recorded for it. */
    public record AnsweredResult(Answered command, CommandResult result) {
    }

    /** A command the directory answered, as it was queued. */
    public record Answered(String commandId, String commandType, String groupId, String memberId, String requestId,
                           String initiatorId) {
    }

    /** Published when a command was queued; the dispatcher sends it once the transaction commits. */
    public record DirectoryCommandQueued(String commandId) {
    }

    /** One command and the directory's answer, as the API shows it. */
    public record DirectoryCommandView(String id, String commandType, String groupId, String memberId,
                                       String initiatorId, DirectoryCommandStatus status, String errorCode,
                                       String errorMessage, Instant createdDateTime, Instant completedDateTime) {
    }
}
