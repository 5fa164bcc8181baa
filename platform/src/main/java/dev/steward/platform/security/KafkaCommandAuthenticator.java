package dev.steward.platform.security;

import dev.steward.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Authenticates a Kafka command by the bearer token in its {@code authorization} header, with the same decoder
 * as the HTTP API. A command without a valid token is never executed.
 * <p>
 * A service such as the sync engine sends thousands of commands with one token: a token that validated is
 * remembered until its {@code exp} (at most {@value #REMEMBERED} tokens), so its signature is not checked again for
 * every command, and never past it: a command consumed after its token expired (beyond the decoder's clock skew) is
 * refused, whenever it was sent. A token without {@code exp} is refused.
 */
public class KafkaCommandAuthenticator {

    private static final int REMEMBERED = 1024;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Validated> validated = new ConcurrentHashMap<>();

    private record Validated(Caller caller, Instant expiresAt) {
    }

    public KafkaCommandAuthenticator(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC());
    }

    public KafkaCommandAuthenticator(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
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
        String token = value.substring(7).trim();
        Validated known = validated.get(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known.caller();
        }
        validated.remove(token);
        try {
            Jwt jwt = decoder.decode(token);
            if (jwt.getExpiresAt() == null) {
                throw new UnauthenticatedException("the bearer token has no expiry (exp)");
            }
            Caller caller = Caller.from(jwt);
            if (validated.size() >= REMEMBERED) {
                validated.clear();
            }
            validated.put(token, new Validated(caller, jwt.getExpiresAt()));
            return caller;
        } catch (JwtException e) {
            throw new UnauthenticatedException("the bearer token is not valid: " + e.getMessage());
        }
    }
}
