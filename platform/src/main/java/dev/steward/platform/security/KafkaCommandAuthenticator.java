package dev.steward.platform.security;

import dev.steward.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Authenticates a Kafka command by the bearer token in its {@code authorization} header, with the same decoder
 * as the HTTP API. A command without a valid token is never executed.
 */
public class KafkaCommandAuthenticator {

    private final JwtDecoder decoder;

    public KafkaCommandAuthenticator(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    public Caller authenticate(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(CloudEventHeaders.AUTHORIZATION);
        if (header == null) {
            throw new UnauthenticatedException("the command has no " + CloudEventHeaders.AUTHORIZATION + " header");
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthenticatedException("the " + CloudEventHeaders.AUTHORIZATION + " header is not a bearer token");
        }
        try {
            return Caller.from(decoder.decode(value.substring(7).trim()));
        } catch (JwtException e) {
            throw new UnauthenticatedException("the bearer token is not valid: " + e.getMessage());
        }
    }
}
