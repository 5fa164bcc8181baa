package dev.steward.platform.security;

/** No valid token came with the call. Answered as Graph's 401 {@code InvalidAuthenticationToken}. */
public class UnauthenticatedException extends RuntimeException {

    public static final String CODE = "InvalidAuthenticationToken";

    public UnauthenticatedException(String message) {
        super(message);
    }
}
