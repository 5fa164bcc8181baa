package dev.steward.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Signs tokens with a key of the caller's (the tests' {@code TestTokens}): key pairs, PEM files and Entra-shaped
 * claims. The local stack no longer uses it: its tokens come from the authorization server ({@code auth-server}).
 * The old development issuer {@link #ISSUER} is accepted only by a service with
 * {@code steward.security.local-stack=true}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://steward.invalid/dev";
    public static final String AUDIENCE = "api://steward";
    public static final String KEY_ID = "steward-dev";
    /** The app id of the Steward CLI ({@code ./steward token}'s client at the authorization server). */
    public static final String CLI_APP_ID = "5f1c4e2a-7d3b-4a8e-9c6f-0b2d4e6f8a1c";

    private DevTokens() {
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code private.pem} (PKCS#8) and {@code public.pem} (X.509) files. */
    public static void writePem(KeyPair keys, Path privateKey, Path publicKey) {
        try {
            Files.createDirectories(privateKey.toAbsolutePath().getParent());
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RSAPrivateKey readPrivateKey(Path file) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA PKCS#8 key: " + file, e);
        }
    }

    public static RSAPublicKey readPublicKey(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key", e);
        }
    }

    /** What a token says about its subject. */
    public record Claims(
            String userId,
            String userPrincipalName,
            String displayName,
            String appId,
            String appDisplayName,
            List<String> scopes,
            List<String> roles,
            List<String> wids) {

        public static Claims user(String userId, String upn, String displayName, List<String> scopes, List<String> wids) {
            return new Claims(userId, upn, displayName, CLI_APP_ID, "Steward CLI", scopes, List.of(), wids);
        }

        public static Claims app(String appId, String appDisplayName, List<String> roles) {
            return new Claims(null, null, null, appId, appDisplayName, List.of(), roles, List.of());
        }
    }

    public static String mint(RSAPrivateKey key, Claims claims, Instant now, Duration lifetime) {
        return mint(key, ISSUER, claims, now, lifetime);
    }

    public static String mint(RSAPrivateKey key, String issuer, Claims claims, Instant now, Duration lifetime) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(claims.userId() != null ? claims.userId() : claims.appId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("tid", "00000000-0000-0000-0000-00000000c0de")
                .claim("appid", claims.appId())
                .claim("app_displayname", claims.appDisplayName());
        if (claims.userId() != null) {
            builder.claim("oid", claims.userId())
                    .claim("upn", claims.userPrincipalName())
                    .claim("preferred_username", claims.userPrincipalName())
                    .claim("name", claims.displayName())
                    .claim("scp", String.join(" ", claims.scopes()))
                    .claim("wids", claims.wids());
        } else {
            builder.claim("oid", claims.appId()).claim("roles", claims.roles());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
