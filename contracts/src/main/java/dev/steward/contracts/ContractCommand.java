package dev.steward.contracts;

/** A command published on one of the command topics. */
public interface ContractCommand extends ContractMessage {

    CommandMetadata metadata();

    @Override
    default String messageId() {
        return metadata().commandId().toString();
    }
}
