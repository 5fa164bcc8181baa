package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.CommandResult;
import dev.steward.selfservice.membership.command.MembershipOutcomes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The directory's answers to its commands, a poll at a time: the poll's results are applied in one transaction
 * ({@link MembershipOutcomes#applyAll}). Only answers to this service's member adds and removals change anything; the
 * topic also carries the answers to other services' commands, which are skipped. A record that is not a readable
 * {@code CommandResult} is reported to the platform's error handler as the batch's failed record
 * ({@link BatchListenerFailedException}) after the results before it were applied: the handler commits those,
 * dead-letters it with its reason and delivers the rest again. If the batch's transaction fails, the results are
 * applied one at a time, each in its own transaction, so that only the result that fails is reported.
 */
@Component
class DirectoryCommandResultsListener {

    static final String ID = "selfservice-directory-command-results";

    private static final Logger log = LoggerFactory.getLogger(DirectoryCommandResultsListener.class);
    private static final LogAccessor DESERIALIZATION_LOG = new LogAccessor(DirectoryCommandResultsListener.class);

    private final MembershipOutcomes outcomes;

    DirectoryCommandResultsListener(MembershipOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DIRECTORY_COMMAND_RESULTS, batch = "true")
    void on(List<ConsumerRecord<String, ContractMessage>> records) {
        List<CommandResult> results = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ContractMessage> record : records) {
            RuntimeException unreadable = unreadable(record);
            if (unreadable != null) {
                apply(records, results);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
            }
            results.add((CommandResult) record.value());
        }
        apply(records, results);
    }

    /** Applies the results of the first {@code results.size()} records. */
    private void apply(List<ConsumerRecord<String, ContractMessage>> records, List<CommandResult> results) {
        if (results.isEmpty()) {
            return;
        }
        try {
            outcomes.applyAll(results);
        } catch (RuntimeException batchFailure) {
            log.warn("a batch of {} directory command results failed ({}); applying them one at a time",
                    results.size(), batchFailure.getMessage());
            for (int i = 0; i < results.size(); i++) {
                try {
                    outcomes.apply(results.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, records.get(i));
                }
            }
        }
    }

    private static RuntimeException unreadable(ConsumerRecord<String, ContractMessage> record) {
        DeserializationException failed = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, DESERIALIZATION_LOG);
        if (failed != null) {
            return failed;
        }
        if (record.value() == null) {
            return new MalformedMessageException("a record without a value is not a CommandResult");
        }
        if (!(record.value() instanceof CommandResult)) {
            return new MalformedMessageException("a " + record.value().getClass().getSimpleName()
                    + " is not a CommandResult; " + Topics.DIRECTORY_COMMAND_RESULTS + " carries only results");
        }
        return null;
    }
}
