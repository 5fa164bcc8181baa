package dev.steward.selfservice.kafka;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MalformedMessageException;
import dev.steward.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes self-service commands: {@code RequestMembership}, {@code ApproveMembershipRequest},
 * {@code RejectMembershipRequest}, {@code CancelMembershipRequest}. A record that is not a readable self-service
 * command goes to the dead-letter topic with the reason; every readable command gets exactly one
 * {@code CommandResult}.
 */
@Component
class SelfServiceCommandsListener {

    static final String ID = "selfservice-commands";

    private final SelfServiceCommandHandler handler;

    SelfServiceCommandsListener(SelfServiceCommandHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SELFSERVICE_COMMANDS)
    void on(ConsumerRecord<String, ContractMessage> record) {
        if (!SelfServiceCommandHandler.handles(record.value())) {
            throw new MalformedMessageException("a " + record.value().getClass().getSimpleName()
                    + " is not a self-service command");
        }
        handler.handle((ContractCommand) record.value(), record.headers());
    }
}
