package dev.steward.directory.common;

import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A refused command as it crosses the command bus: the details of a {@link CommandExecutionException}, put there
 * by {@link DirectoryErrorInterceptor}. Callers read the code, never the exception's text.
 */
public record DirectoryError(DirectoryErrorCode code, String message) {

    /** The directory error a failed dispatch carries, if it was a rule and not a fault. */
    public static Optional<DirectoryError> of(Throwable failure) {
        if (failure instanceof DirectoryException e) {
            return Optional.of(e.toError());
        }
        if (failure instanceof CommandExecutionException e) {
            return e.getDetails().filter(DirectoryError.class::isInstance).map(DirectoryError.class::cast);
        }
        return Optional.empty();
    }
}
