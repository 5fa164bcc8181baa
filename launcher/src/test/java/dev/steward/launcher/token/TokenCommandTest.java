package dev.steward.launcher.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.steward.contracts.DirectoryIds;
import dev.steward.launcher.LauncherException;
import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.auth.StackUsers;
import dev.steward.launcher.stack.Ports;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.platform.security.ClientCredentialsTokens;
import dev.steward.platform.security.ServiceClientProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./steward token} against the stack's real authorization server, started as the launcher starts it. */
class TokenCommandTest {

    private static final String SYNC_SECRET = "sync-secret-of-this-test";

    @TempDir
    static Path dataDir;
    @TempDir
    Path otherDir;

    private static AuthServer server;
    private static StackLayout layout;

    @BeforeAll
    static void startAuthServer() {
        layout = new StackLayout(dataDir);
        layout.createDirectories();
        StackUsers.writeAll(layout, SeedUsers.seed().all());
        Path repositoryRoot = Path.of(System.getProperty("steward.repo-root", ".."));
        server = AuthServer.start(AuthServer.jar(repositoryRoot), Ports.free(), SYNC_SECRET, layout,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        server.awaitReady(System.nanoTime(), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopAuthServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signsTheSeededAdminInAsGroupsAdministratorWithEveryAdminScopeForEightHours() throws Exception {
        JWTClaimsSet claims = verified(token("--user", "admin@corp.example.test"));

        assertThat(claims.getIssuer()).isEqualTo(server.url());
        assertThat(claims.getAudience()).containsExactly("api://steward");
        assertThat(claims.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("1f0c8a52-6d3e-4b7a-9a41-0c5e2d7b8a01"));
        assertThat(claims.getStringClaim("upn")).isEqualTo("admin@corp.example.test");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("admin@corp.example.test");
        assertThat(claims.getStringClaim("name")).isEqualTo("Admin");
        assertThat(claims.getStringClaim("appid")).isEqualTo(AuthServer.CLI_APP_ID);
        assertThat(words(claims.getStringClaim("scp"))).containsExactlyInAnyOrder("Group.ReadWrite.All",
                "Group-OnPremisesSyncBehavior.ReadWrite.All", "GroupMember.ReadWrite.All", "Directory.Read.All",
                "AuditLog.Read.All", "Synchronization.ReadWrite.All", "LicenseAssignment.ReadWrite.All");
        assertThat(claims.getStringListClaim("wids")).containsExactly("fdd7a751-b60b-444a-984c-02652fe8fa1c");
        assertThat(claims.getClaim("roles")).isNull();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void signsAliceAndBobInAsPlainUsers() throws Exception {
        JWTClaimsSet alice = verified(token("--user", "alice@corp.example.test"));
        JWTClaimsSet bob = verified(token("--user", "BOB@corp.example.test"));

        assertThat(alice.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02"));
        assertThat(alice.getStringClaim("name")).isEqualTo("Alice");
        assertThat(words(alice.getStringClaim("scp")))
                .containsExactlyInAnyOrder("Group.Read.All", "GroupMember.ReadWrite.All", "User.Read");
        assertThat(alice.getStringListClaim("wids")).isEmpty();
        assertThat(bob.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03"));
        assertThat(bob.getStringClaim("upn")).isEqualTo("bob@corp.example.test");
    }

    @Test
    void replacesScopesRolesDirectoryRolesAndLifetimeWhenAsked() throws Exception {
        JWTClaimsSet claims = verified(token("--user", "admin@corp.example.test",
                "--scp", "Group.Read.All Synchronization.ReadWrite.All",
                "--wids", "fdd7a751-b60b-444a-984c-02652fe8fa1c 8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
                "--roles=Steward.Operator", "--lifetime", "PT1H"));

        assertThat(words(claims.getStringClaim("scp")))
                .containsExactlyInAnyOrder("Group.Read.All", "Synchronization.ReadWrite.All");
        assertThat(claims.getStringListClaim("wids")).containsExactly("fdd7a751-b60b-444a-984c-02652fe8fa1c",
                "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2");
        assertThat(claims.getStringListClaim("roles")).containsExactly("Steward.Operator");
        assertThat(claims.getStringClaim("upn")).isEqualTo("admin@corp.example.test");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void clearsDirectoryRolesWithAnEmptyOverride() throws Exception {
        JWTClaimsSet claims = verified(token("--user", "admin@corp.example.test", "--wids", ""));

        assertThat(claims.getStringListClaim("wids")).isEmpty();
    }

    @Test
    void refusesALifetimeLongerThanADay() {
        assertThatThrownBy(() -> token("--user", "admin@corp.example.test", "--lifetime", "P2D"))
                .isInstanceOfSatisfying(LauncherException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void refusesAUserTheDirectoryDoesNotHave() {
        assertThatThrownBy(() -> token("--user", "mallory@corp.example.test"))
                .isInstanceOfSatisfying(LauncherException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("unknown user 'mallory@corp.example.test'")
                            .contains("admin@corp.example.test", "alice@corp.example.test", "bob@corp.example.test");
                });
    }

    @Test
    void refusesTheAdministratorBindAccountWhichHasNoUserPrincipalName() {
        assertThatThrownBy(() -> token("--user", "Administrator")).isInstanceOf(LauncherException.class);
    }

    @Test
    void asksToStartTheStackWhenNoneRuns() {
        assertThatThrownBy(() -> TokenCommand.run(List.of("--user", "admin@corp.example.test",
                "--data-dir=" + otherDir)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("start the stack first");
    }

    @Test
    void asksForTheUser() {
        assertThatThrownBy(() -> token("--scp", "Group.Read.All"))
                .isInstanceOfSatisfying(LauncherException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void signsInAUserAddedToTheSavedDirectoryWhileTheServerRuns() throws Exception {
        Path snapshot = layout.directorySnapshot();
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, """
                dn: CN=Carol,CN=Users,DC=corp,DC=example,DC=test
                objectClass: user
                cn: Carol
                userPrincipalName: carol@corp.example.test
                objectGUID:: 3q2+7wAAAAAAAAAAAAAAAQ==
                """);
        try {
            JWTClaimsSet claims = verified(token("--user", "carol@corp.example.test"));

            assertThat(claims.getStringClaim("name")).isEqualTo("Carol");
            assertThat(claims.getStringClaim("oid"))
                    .isEqualTo(DirectoryIds.fromAnchor("efbeadde-0000-0000-0000-000000000001"));
        } finally {
            Files.delete(snapshot);
        }
    }

    @Test
    void refusesASignInWithAWrongPassword() throws Exception {
        String users = Files.readString(StackUsers.file(layout));
        String bobsPassword = StackUsers.ensure(layout, SeedUsers.seed().find("bob@corp.example.test").orElseThrow())
                .password();
        Files.writeString(StackUsers.file(layout), users.replace(bobsPassword, "not-" + bobsPassword));
        try {
            assertThatThrownBy(() -> new dev.steward.launcher.auth.AuthorizationCodeLogin(server.url())
                    .login("bob@corp.example.test", bobsPassword, "User.Read", java.util.Map.of()))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining("refused the sign-in");
        } finally {
            Files.writeString(StackUsers.file(layout), users);
        }
    }

    @Test
    void givesTheSyncEngineATenMinuteAppTokenForTheSecretItWasStartedWith() throws Exception {
        String token = new ClientCredentialsTokens(new ServiceClientProperties(AuthServer.SYNC_APP_ID, SYNC_SECRET,
                server.url() + "/oauth2/token", null), Clock.systemUTC()).accessToken();

        JWTClaimsSet claims = verified(token);
        assertThat(claims.getStringClaim("appid")).isEqualTo(AuthServer.SYNC_APP_ID);
        assertThat(claims.getStringClaim("app_displayname")).isEqualTo("Steward Sync");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OnPremDirectorySynchronization.ReadWrite.All",
                "Group.Read.All", "LicenseAssignment.ReadWrite.All");
        assertThat(claims.getClaim("scp")).isNull();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
    }

    private String token(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir=" + dataDir);
        return TokenCommand.run(all);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split(" ")).collect(Collectors.toSet());
    }

    private static JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = JWKSet.load(URI.create(server.url() + "/oauth2/jwks").toURL()).getKeyByKeyId(
                jwt.getHeader().getKeyID()).toRSAKey();
        JWSVerifier verifier = new RSASSAVerifier(key);
        assertThat(jwt.verify(verifier)).as("signed with the authorization server's key").isTrue();
        return jwt.getJWTClaimsSet();
    }
}
