package dev.steward.launcher.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.steward.contracts.DirectoryIds;
import dev.steward.launcher.LauncherException;
import dev.steward.launcher.stack.DevKeys;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.platform.security.DevTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private StackLayout layout;

    @BeforeEach
    void createKey() {
        layout = new StackLayout(dataDir);
        DevKeys.ensure(layout);
    }

    @Test
    void mintsTheSeededAdminAsGroupsAdministratorWithEveryAdminScope() throws Exception {
        JWTClaimsSet claims = verified(token("--user", "admin@corp.example.test"));

        assertThat(claims.getIssuer()).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(DevTokens.AUDIENCE);
        assertThat(claims.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("1f0c8a52-6d3e-4b7a-9a41-0c5e2d7b8a01"));
        assertThat(claims.getStringClaim("upn")).isEqualTo("admin@corp.example.test");
        assertThat(claims.getStringClaim("name")).isEqualTo("Admin");
        assertThat(claims.getStringClaim("scp")).isEqualTo("Group.ReadWrite.All Group-OnPremisesSyncBehavior.ReadWrite.All "
                + "GroupMember.ReadWrite.All Directory.Read.All AuditLog.Read.All Synchronization.ReadWrite.All");
        assertThat(claims.getStringListClaim("wids")).containsExactly("fdd7a751-b60b-444a-984c-02652fe8fa1c");
        assertThat(claims.getClaim("roles")).isNull();
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(8))));
    }

    @Test
    void mintsAliceAndBobAsPlainUsers() throws Exception {
        JWTClaimsSet alice = verified(token("--user", "alice@corp.example.test"));
        JWTClaimsSet bob = verified(token("--user", "BOB@corp.example.test"));

        assertThat(alice.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("2a7d4e61-0b9c-4f3e-8d52-1e6f3a8c9b02"));
        assertThat(alice.getStringClaim("name")).isEqualTo("Alice");
        assertThat(alice.getStringClaim("scp")).isEqualTo("Group.Read.All GroupMember.ReadWrite.All User.Read");
        assertThat(alice.getStringListClaim("wids")).isEmpty();
        assertThat(bob.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("3b8e5f72-1cad-4a4f-9e63-2f7a4b9dac03"));
        assertThat(bob.getStringClaim("upn")).isEqualTo("bob@corp.example.test");
        assertThat(bob.getStringClaim("scp")).isEqualTo("Group.Read.All GroupMember.ReadWrite.All User.Read");
    }

    @Test
    void replacesScopesRolesAndDirectoryRolesWhenAsked() throws Exception {
        JWTClaimsSet claims = verified(token("--user", "admin@corp.example.test",
                "--scp", "Group.Read.All Synchronization.ReadWrite.All",
                "--wids", "fdd7a751-b60b-444a-984c-02652fe8fa1c 8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
                "--roles=Steward.Operator", "--lifetime", "PT1H"));

        assertThat(claims.getStringClaim("scp")).isEqualTo("Group.Read.All Synchronization.ReadWrite.All");
        assertThat(claims.getStringListClaim("wids")).containsExactly("fdd7a751-b60b-444a-984c-02652fe8fa1c",
                "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2");
        assertThat(claims.getStringListClaim("roles")).containsExactly("Steward.Operator");
        assertThat(claims.getStringClaim("upn")).isEqualTo("admin@corp.example.test");
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void clearsDirectoryRolesWithAnEmptyOverride() throws Exception {
        JWTClaimsSet claims = verified(token("--user", "admin@corp.example.test", "--wids", ""));

        assertThat(claims.getStringListClaim("wids")).isEmpty();
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
    void asksToStartTheStackWhenThereIsNoKey() throws Exception {
        Files.delete(layout.privateKey());

        assertThatThrownBy(() -> token("--user", "admin@corp.example.test"))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("start the stack first");
    }

    @Test
    void asksForTheUser() {
        assertThatThrownBy(() -> token("--scp", "Group.Read.All"))
                .isInstanceOfSatisfying(LauncherException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void mintsTheSyncEngineAppTokenForThirtyDays() throws Exception {
        String token = new TokenMinter(DevKeys.privateKey(layout), CLOCK).syncEngineToken();

        JWTClaimsSet claims = verified(token);
        assertThat(claims.getStringClaim("appid")).isEqualTo("a0000000-0000-4000-8000-0000000000a1");
        assertThat(claims.getStringClaim("app_displayname")).isEqualTo("Steward Sync");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OnPremDirectorySynchronization.ReadWrite.All");
        assertThat(claims.getClaim("scp")).isNull();
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void knowsUsersAddedToTheSavedDirectory() throws Exception {
        Path snapshot = layout.directorySnapshot();
        Files.createDirectories(snapshot.getParent());
        String carol = """
                dn: CN=Carol,CN=Users,DC=corp,DC=example,DC=test
                objectClass: user
                cn: Carol
                userPrincipalName: carol@corp.example.test
                objectGUID:: 3q2+7wAAAAAAAAAAAAAAAQ==
                """;
        Files.writeString(snapshot, carol);

        JWTClaimsSet claims = verified(token("--user", "carol@corp.example.test"));

        assertThat(claims.getStringClaim("name")).isEqualTo("Carol");
        assertThat(claims.getStringClaim("oid"))
                .isEqualTo(DirectoryIds.fromAnchor("efbeadde-0000-0000-0000-000000000001"));
    }

    private String token(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir=" + dataDir);
        return TokenCommand.run(all, CLOCK);
    }

    private JWTClaimsSet verified(String token) throws ParseException, JOSEException, IOException {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(DevTokens.readPublicKey(Files.readString(layout.publicKey())))))
                .as("signed with the stack's development key").isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(DevTokens.KEY_ID);
        return jwt.getJWTClaimsSet();
    }
}
