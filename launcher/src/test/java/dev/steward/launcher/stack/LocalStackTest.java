package dev.steward.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.service.Database;
import dev.steward.launcher.service.StewardService;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path dataDir;

    @Test
    void givesEveryServiceItsPortTheBrokerAnH2FileAndTheAuthorizationServerAsIssuer() {
        LocalStack stack = new LocalStack(new StackOptions().layout(new StackLayout(dataDir)), silent());

        Map<String, String> directory = stack.properties(StewardService.DIRECTORY);

        assertThat(directory)
                .containsEntry("server.port", "8080")
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:9092")
                .containsEntry("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("data/directory-service")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .containsEntry("spring.datasource.username", "sa")
                .containsEntry("spring.datasource.password", "")
                .containsEntry("steward.security.audience", "api://steward")
                .containsEntry("steward.security.jwk-set-uri", directory.get("steward.security.issuer") + "/oauth2/jwks")
                .doesNotContainKeys("steward.security.public-key-location", "steward.security.local-stack",
                        "steward.client.id", "steward.sync.ldap.url");
        assertThat(directory.get("steward.security.issuer")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(stack.properties(StewardService.AUDIT)).containsEntry("server.port", "8083");
    }

    @Test
    void pointsTheSyncServiceAtTheEmbeddedDirectoryAndTheTokenEndpointWithoutPuttingItsSecretOnTheCommandLine() {
        LocalStack stack = new LocalStack(new StackOptions().layout(new StackLayout(dataDir)).ldapPort(13389)
                .syncInterval(Duration.ofMinutes(5)), silent());

        Map<String, String> sync = stack.properties(StewardService.SYNC);

        assertThat(sync)
                .containsEntry("steward.sync.ldap.url", "ldap://127.0.0.1:13389")
                .containsEntry("steward.sync.ldap.bind-dn", SeedDirectory.BIND_DN)
                .containsEntry("steward.sync.ldap.password", "steward-dev")
                .containsEntry("steward.sync.ldap.base-dn", "DC=corp,DC=example,DC=test")
                .containsEntry("steward.sync.initial-cycle-on-start", "true")
                .containsEntry("steward.sync.schedule.interval", "PT5M")
                .containsEntry("steward.sync.directory.url", "http://127.0.0.1:8080")
                .containsEntry("steward.client.id", "a0000000-0000-4000-8000-0000000000a1")
                .containsEntry("steward.client.token-uri", sync.get("steward.security.issuer") + "/oauth2/token")
                .doesNotContainKeys("steward.client.secret", "steward.sync.directory-token");
    }

    @Test
    void givesSelfServiceItsOwnClientAtTheTokenEndpointWithoutPuttingItsSecretOnTheCommandLine() {
        LocalStack stack = new LocalStack(new StackOptions().layout(new StackLayout(dataDir)), silent());

        Map<String, String> selfService = stack.properties(StewardService.SELFSERVICE);

        assertThat(selfService)
                .containsEntry("steward.client.id", AuthServer.SELFSERVICE_APP_ID)
                .containsEntry("steward.client.token-uri", selfService.get("steward.security.issuer") + "/oauth2/token")
                .doesNotContainKeys("steward.client.secret");
        assertThat(AuthServer.SELFSERVICE_ROLES).containsExactly("GroupMember.ReadWrite.All");
    }

    @Test
    void usesAFreshPostgreSqlSchemaWhenAsked() {
        LocalStack stack = new LocalStack(new StackOptions().layout(new StackLayout(dataDir))
                .database(new Database.PostgreSql("jdbc:postgresql://127.0.0.1:5432/", "steward_e2e_", "postgres", "",
                        "e2e_abc"))
                .extraProperty(StewardService.SYNC, "steward.sync.scope.filter", "(cn=*)"), silent());

        assertThat(stack.properties(StewardService.SYNC))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/steward_e2e_sync?currentSchema=e2e_abc")
                .containsEntry("spring.datasource.username", "postgres")
                .containsEntry("spring.flyway.schemas", "e2e_abc")
                .containsEntry("spring.flyway.create-schemas", "true")
                .containsEntry("steward.sync.scope.filter", "(cn=*)");
    }

    private static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
