package dev.steward.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.service.Database;
import dev.steward.launcher.service.StewardService;
import dev.steward.platform.security.DevTokens;
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
    void givesEveryServiceItsPortTheBrokerAnH2FileAndTheDevelopmentKey() {
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
                .containsEntry("steward.security.public-key-location", "file:" + dataDir.resolve("dev-signing-key.pub.pem"))
                .containsEntry("steward.security.issuer", DevTokens.ISSUER)
                .containsEntry("steward.security.audience", DevTokens.AUDIENCE)
                .containsEntry("steward.security.local-stack", "true")
                .doesNotContainKey("steward.sync.ldap.url");
        assertThat(stack.properties(StewardService.AUDIT)).containsEntry("server.port", "8083");
    }

    @Test
    void pointsTheSyncServiceAtTheEmbeddedDirectoryWithoutPuttingItsTokenOnTheCommandLine() {
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
                .doesNotContainKey("steward.sync.directory-token");
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
