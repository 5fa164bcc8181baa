package dev.steward.contracts;

/** Anything that crosses Kafka: it has an id, a record key, and a logical type in {@link MessageTypes}. */
public interface ContractMessage {

    String messageId();

    /** The Kafka record key: the aggregate the message is about, so its messages stay in order. */
    String key();
}
