package dev.steward.platform.security;

/** The caller is authenticated but may not do this. Answered as Graph's 403 {@code Authorization_RequestDenied}. */
public class AccessDeniedException extends RuntimeException {

    public static final String CODE = "Authorization_RequestDenied";
    public static final String MESSAGE = "Insufficient privileges to complete the operation.";

    public AccessDeniedException() {
        super(MESSAGE);
    }
}
