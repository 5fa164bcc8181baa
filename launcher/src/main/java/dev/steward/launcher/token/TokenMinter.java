package dev.steward.launcher.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.Permissions;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Mints the local stack's tokens with the development key (issuer {@link DevTokens#ISSUER}). */
public final class TokenMinter {

    /** The sync engine's app identity (SEED.md): it writes AD objects into the directory over Kafka. */
    public static final String SYNC_APP_ID = "a0000000-0000-4000-8000-0000000000a1";
    public static final String SYNC_APP_NAME = "Steward Sync";
    public static final Duration SYNC_TOKEN_LIFETIME = Duration.ofDays(30);

    private final RSAPrivateKey key;
    private final Clock clock;

    public TokenMinter(RSAPrivateKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** A delegated token for {@code user} with {@code grants}. */
    public String userToken(SeedUser user, Grants grants, Duration lifetime) {
        DevTokens.Claims claims = new DevTokens.Claims(user.cloudId(), user.userPrincipalName(), user.displayName(),
                DevTokens.CLI_APP_ID, "Steward CLI", grants.scopes(), grants.roles(), grants.wids());
        String token = DevTokens.mint(key, claims, clock.instant(), lifetime);
        return grants.roles().isEmpty() ? token : withRoles(token, grants.roles());
    }

    /** The sync engine's app-only token, passed to sync-service as {@code steward.sync.directory-token}. */
    public String syncEngineToken() {
        DevTokens.Claims claims = DevTokens.Claims.app(SYNC_APP_ID, SYNC_APP_NAME,
                List.of(Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL));
        return DevTokens.mint(key, claims, clock.instant(), SYNC_TOKEN_LIFETIME);
    }

    /**
     * DevTokens writes {@code roles} only into app tokens; a user token asked for roles (app roles assigned to the
     * user, as Entra issues them) gets the claim added and is signed again with the same key and header.
     */
    private String withRoles(String token, List<String> roles) {
        try {
            SignedJWT minted = SignedJWT.parse(token);
            JWTClaimsSet claims = new JWTClaimsSet.Builder(minted.getJWTClaimsSet()).claim("roles", roles).build();
            SignedJWT resigned = new SignedJWT(minted.getHeader(), claims);
            resigned.sign(new RSASSASigner(key));
            return resigned.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot add roles to the token", e);
        }
    }
}
