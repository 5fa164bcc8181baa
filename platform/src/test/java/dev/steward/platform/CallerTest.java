package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.KafkaCommandAuthenticator;
import dev.steward.platform.security.StewardSecurityProperties;
import dev.steward.platform.security.TokenValidation;
import dev.steward.platform.security.UnauthenticatedException;
import dev.steward.platform.testing.TestTokens;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final StewardSecurityProperties testTrust = new StewardSecurityProperties(TestTokens.ISSUER,
            DevTokens.AUDIENCE, null, TestTokens.properties().get("steward.security.public-key-location"), false, null);
    private final KafkaCommandAuthenticator authenticator =
            new KafkaCommandAuthenticator(TokenValidation.decoder(testTrust));

    @Test
    void readsDelegatedCallerFromToken() {
        Caller caller = authenticate(TestTokens.groupsAdmin());

        assertThat(caller.isDelegated()).isTrue();
        assertThat(caller.userId()).isEqualTo(TestTokens.ADMIN_ID);
        assertThat(caller.userPrincipalName()).isEqualTo("admin@corp.example.test");
        assertThat(caller.hasPermission("Group-OnPremisesSyncBehavior.ReadWrite.All")).isTrue();
        assertThat(caller.hasAnyDirectoryRole(DirectoryRoles.SOURCE_OF_AUTHORITY_ADMINS)).isTrue();
        assertThat(caller.toInitiator().userId()).isEqualTo(TestTokens.ADMIN_ID);
    }

    @Test
    void appCallerHasRolesNotScopes() {
        Caller caller = authenticate(TestTokens.app("app-1", "Group.ReadWrite.All"));

        assertThat(caller.isDelegated()).isFalse();
        assertThat(caller.appId()).isEqualTo("app-1");
        assertThat(caller.hasPermission("Group.ReadWrite.All")).isTrue();
        assertThat(caller.hasPermission("Group.Read.All")).isFalse();
    }

    @Test
    void refusesKafkaCommandWithoutValidToken() {
        assertThatThrownBy(() -> authenticator.authenticate(new RecordHeaders()))
                .isInstanceOf(UnauthenticatedException.class);
        var claims = DevTokens.Claims.app("app-1", "x", List.of("Group.ReadWrite.All"));
        assertThatThrownBy(() -> authenticate(TestTokens.forged(claims))).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> authenticate(TestTokens.expired(claims))).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void refusesTokensOfAnotherIssuerAndAcceptsDevTokensOnlyWhereTheLocalStackNamesTheirIssuer() {
        var claims = DevTokens.Claims.app("app-1", "x", List.of("Group.ReadWrite.All"));
        var devTrust = new StewardSecurityProperties(DevTokens.ISSUER, DevTokens.AUDIENCE, null,
                TestTokens.properties().get("steward.security.public-key-location"), true, null);
        var testTrust = new StewardSecurityProperties(TestTokens.ISSUER, DevTokens.AUDIENCE, null,
                TestTokens.properties().get("steward.security.public-key-location"), false, null);
        var localStackTrust = devTrust;

        assertThatThrownBy(() -> new KafkaCommandAuthenticator(TokenValidation.decoder(testTrust))
                .authenticate(bearer(TestTokens.mintDevIssuer(claims))))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("not valid");
        assertThat(new KafkaCommandAuthenticator(TokenValidation.decoder(localStackTrust))
                .authenticate(bearer(TestTokens.mintDevIssuer(claims))).appId()).isEqualTo("app-1");
    }

    @Test
    void refusesToStartWithDevIssuerOutsideLocalStack() {
        assertThatThrownBy(() -> TokenValidation.decoder(new StewardSecurityProperties(DevTokens.ISSUER, DevTokens.AUDIENCE, null,
                TestTokens.properties().get("steward.security.public-key-location"), false, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    private Caller authenticate(String token) {
        return authenticator.authenticate(bearer(token));
    }

    private static RecordHeaders bearer(String token) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.AUTHORIZATION, ("Bearer " + token).getBytes());
        return headers;
    }
}
