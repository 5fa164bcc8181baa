package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.platform.kafka.PollBatch;
import dev.steward.selfservice.membership.command.MembershipOutcomes;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The directory's answers to its commands, a poll at a time ({@link PollBatch}): the poll's results are applied in
 * one transaction ({@link MembershipOutcomes#applyAll}), one at a time if that fails. Only answers to this service's
 * member adds and removals change anything; the topic also carries the answers to other services' commands, which are
 * skipped. A record that is not a readable {@code CommandResult} is dead-lettered with its reason.
 */
@Component
class DirectoryCommandResultsListener {

    static final String ID = "selfservice-directory-command-results";

    private final PollBatch<CommandResult> poll;

    DirectoryCommandResultsListener(MembershipOutcomes outcomes) {
        this.poll = PollBatch.of(record -> PollBatch.valueOf(record, CommandResult.class), outcomes::applyAll,
                outcomes::apply);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DIRECTORY_COMMAND_RESULTS, batch = "true")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        poll.apply(records);
    }
}
