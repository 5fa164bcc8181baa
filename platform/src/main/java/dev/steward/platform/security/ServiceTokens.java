package dev.steward.platform.security;

/**
 * The access token a service sends when it acts on its own behalf (the sync engine's commands): obtained from the
 * issuer and renewed before it expires, so no long-lived credential is ever written into a record.
 */
@FunctionalInterface
public interface ServiceTokens {

    /**
     * A token valid for at least half its lifetime from now.
     *
     * @throws ServiceTokenException when the issuer cannot be reached or refuses the service's credentials
     */
    String accessToken();

    /** The service could not obtain a token. */
    class ServiceTokenException extends RuntimeException {
        public ServiceTokenException(String message) {
            super(message);
        }

        public ServiceTokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
