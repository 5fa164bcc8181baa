package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.selfservice.membership.command.MembershipOutcomes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The directory's answers to its commands. Only answers to this service's member adds and removals change anything;
 * the topic also carries the answers to other services' commands, which are skipped. A record that is not a
 * {@code CommandResult} goes to the dead-letter topic.
 */
@Component
class DirectoryCommandResultsListener {

    static final String ID = "selfservice-directory-command-results";

    private final MembershipOutcomes outcomes;

    DirectoryCommandResultsListener(MembershipOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DIRECTORY_COMMAND_RESULTS)
    void on(ConsumerRecord<String, ContractMessage> record) {
        if (!(record.value() instanceof CommandResult result)) {
            throw new MalformedMessageException("a " + record.value().getClass().getSimpleName()
                    + " is not a CommandResult; " + Topics.DIRECTORY_COMMAND_RESULTS + " carries only results");
        }
        outcomes.apply(result);
    }
}
