package dev.steward.launcher;

/**
 * A failure the user can act on: the launcher prints its message (no stack trace) and exits with
 * {@link #exitCode()}.
 */
public class LauncherException extends RuntimeException {

    private final int exitCode;

    public LauncherException(String message) {
        this(message, 1, null);
    }

    public LauncherException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    public LauncherException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static LauncherException usage(String message) {
        return new LauncherException(message, 2, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
