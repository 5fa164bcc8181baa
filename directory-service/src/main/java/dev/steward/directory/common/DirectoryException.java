package dev.steward.directory.common;

import java.util.Objects;

/** A directory rule refused a command or request. Thrown by aggregates and by the web edge alike. */
public class DirectoryException extends RuntimeException {

    private final DirectoryErrorCode code;

    public DirectoryException(DirectoryErrorCode code, Object... messageArguments) {
        super(code.message(messageArguments));
        this.code = Objects.requireNonNull(code);
    }

    public DirectoryErrorCode code() {
        return code;
    }

    /** What travels across the command bus as the exception's details. */
    public DirectoryError toError() {
        return new DirectoryError(code, getMessage());
    }
}
