package dev.steward.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Signs tokens for tests with a key made for the test JVM. Services under test trust it through
 * {@link #properties()}; the issuer is not the development issuer, so no local-stack switch is needed.
 */
public final class TestTokens {

    public static final String ISSUER = "https://steward.invalid/test";
    public static final String ADMIN_ID = "a0000000-0000-4000-8000-000000000001";
    public static final String SYNC_APP_ID = "a0000000-0000-4000-8000-0000000000a1";
    /** The self-service app identity (the launcher's {@code AuthServer.SELFSERVICE_APP_ID}). */
    public static final String SELFSERVICE_APP_ID = "a0000000-0000-4000-8000-0000000000a2";

    private static final KeyPair KEYS = DevTokens.generateKeyPair();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** Properties that make a service trust these tokens. */
    public static Map<String, String> properties() {
        return Map.of(
                "steward.security.issuer", ISSUER,
                "steward.security.audience", DevTokens.AUDIENCE,
                "steward.security.public-key-location", "file:" + PUBLIC_KEY.toAbsolutePath());
    }

    public static String mint(DevTokens.Claims claims) {
        return DevTokens.mint((RSAPrivateKey) KEYS.getPrivate(), ISSUER, claims, Instant.now(), Duration.ofHours(1));
    }

    /** Signed with this key but by the development issuer: only a local stack may accept it. */
    public static String mintDevIssuer(DevTokens.Claims claims) {
        return DevTokens.mint((RSAPrivateKey) KEYS.getPrivate(), DevTokens.ISSUER, claims, Instant.now(), Duration.ofHours(1));
    }

    public static String expired(DevTokens.Claims claims) {
        return DevTokens.mint((RSAPrivateKey) KEYS.getPrivate(), ISSUER, claims,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** Signed with this key and issuer but without {@code exp}: must be refused. */
    public static String withoutExpiry(DevTokens.Claims claims) {
        return resigned(mint(claims), builder -> builder.expirationTime(null));
    }

    /** Signed with this key for another audience: must be refused. */
    public static String forAudience(String audience, DevTokens.Claims claims) {
        return resigned(mint(claims), builder -> builder.audience(audience));
    }

    /** Signed with this key by another issuer: must be refused. */
    public static String fromIssuer(String issuer, DevTokens.Claims claims) {
        return DevTokens.mint((RSAPrivateKey) KEYS.getPrivate(), issuer, claims, Instant.now(), Duration.ofHours(1));
    }

    /** Issued at {@code issuedAt}, expiring {@code lifetime} later. */
    public static String issued(Instant issuedAt, Duration lifetime, DevTokens.Claims claims) {
        return DevTokens.mint((RSAPrivateKey) KEYS.getPrivate(), ISSUER, claims, issuedAt, lifetime);
    }

    private static String resigned(String token, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT original = SignedJWT.parse(token);
            SignedJWT changed = new SignedJWT(original.getHeader(),
                    change.apply(new JWTClaimsSet.Builder(original.getJWTClaimsSet())).build());
            changed.sign(new RSASSASigner(KEYS.getPrivate()));
            return changed.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed by some other key: must be refused. */
    public static String forged(DevTokens.Claims claims) {
        return DevTokens.mint((RSAPrivateKey) DevTokens.generateKeyPair().getPrivate(), ISSUER, claims, Instant.now(),
                Duration.ofHours(1));
    }

    public static String user(String userId, String upn, List<String> scopes, List<String> wids) {
        return mint(DevTokens.Claims.user(userId, upn, upn, scopes, wids));
    }

    /** A Groups Administrator with every delegated permission Steward knows. */
    public static String groupsAdmin() {
        return user(ADMIN_ID, "admin@corp.example.test", List.of(Permissions.GROUP_READWRITE_ALL,
                Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL,
                Permissions.AUDIT_LOG_READ_ALL, Permissions.SYNCHRONIZATION_READWRITE_ALL),
                List.of(DirectoryRoles.GROUPS_ADMINISTRATOR, DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR));
    }

    /** An application with the given application roles. */
    public static String app(String appId, String... roles) {
        return mint(DevTokens.Claims.app(appId, "test app", List.of(roles)));
    }

    /** The sync engine's app token: it may write AD objects into the directory. */
    public static String syncEngine() {
        return app(SYNC_APP_ID, Permissions.ON_PREM_DIRECTORY_SYNCHRONIZATION_READWRITE_ALL);
    }

    private static Path writePublicKey() {
        try {
            Path dir = Files.createTempDirectory("steward-test-keys");
            Path publicKey = dir.resolve("public.pem");
            DevTokens.writePem(KEYS, dir.resolve("private.pem"), publicKey);
            dir.toFile().deleteOnExit();
            return publicKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The self-service app token: it adds and removes the members My Groups decided on. */
    public static String selfService() {
        return app(SELFSERVICE_APP_ID, Permissions.GROUP_MEMBER_READWRITE_ALL);
    }
}
