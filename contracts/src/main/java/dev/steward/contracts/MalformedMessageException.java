package dev.steward.contracts;

/** A record that cannot be read as a contract message; its message is the dead-letter reason. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
