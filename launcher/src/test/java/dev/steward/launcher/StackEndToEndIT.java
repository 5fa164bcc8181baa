package dev.steward.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.scenario.SourceOfAuthorityScenario;
import dev.steward.launcher.service.Database;
import dev.steward.launcher.service.StewardService;
import dev.steward.launcher.stack.LocalStack;
import dev.steward.launcher.stack.Ports;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import dev.steward.launcher.token.TokenCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The walking skeleton end to end: a Kafka broker process, the embedded LDAP directory and the four service jars
 * ({@code ../<module>/target/<module>.jar}) as separate processes on free ports, against PostgreSQL databases
 * {@code steward_e2e_*} (a fresh schema per run), with tokens from the stack's authorization server, walking
 * {@link SourceOfAuthorityScenario} (system-tests' {@code ContainerEndToEndIT} walks the same against containers).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StackEndToEndIT {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private static final String SCHEMA = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final Database.PostgreSql DATABASE =
            new Database.PostgreSql(POSTGRES, "steward_e2e_", "postgres", "", SCHEMA);

    private static LocalStack stack;
    private static Path dataDir;
    private static boolean walkedTheScenario;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path repositoryRoot = Path.of(System.getProperty("steward.repo-root", "..")).toAbsolutePath().normalize();
        List<String> missing = Arrays.stream(StewardService.values())
                .map(service -> service.jar(repositoryRoot))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        assertThat(missing)
                .as("The end-to-end test runs the services' jars; build them first (./mvnw -B -q -DskipTests package)."
                        + " Missing")
                .isEmpty();

        dataDir = Files.createTempDirectory("steward-e2e");
        StackOptions options = new StackOptions()
                .repositoryRoot(repositoryRoot)
                .layout(new StackLayout(dataDir))
                .kafkaPort(Ports.free())
                .kafkaControllerPort(Ports.free())
                .ldapPort(Ports.free())
                .database(DATABASE)
                .syncInterval(Duration.ofHours(1))
                .readyTimeout(Duration.ofMinutes(6));
        for (StewardService service : StewardService.values()) {
            options.servicePort(service, Ports.free());
        }
        stack = new LocalStack(options, System.out);
        stack.start(System.currentTimeMillis(), false);
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        if (stack != null) {
            stack.close();
        }
        dropSchemas();
        if (dataDir != null) {
            deleteRecursively(walkedTheScenario ? dataDir : dataDir.resolve("jars"));
            if (!walkedTheScenario) {
                System.out.println("The processes' logs are in " + dataDir.resolve("logs"));
            }
        }
    }

    @Test
    void switchesTheSourceOfAuthorityOfASyncedGroupToTheCloudAndBack() throws Exception {
        // every token comes from the stack's authorization server, as ./steward token gets it
        SourceOfAuthorityScenario.Tokens tokens = (upn, wids) -> {
            List<String> args = new ArrayList<>(List.of("--user", upn, "--lifetime", "PT1H", "--data-dir=" + dataDir));
            if (!wids.isEmpty()) {
                args.addAll(List.of("--wids", String.join(" ", wids)));
            }
            return TokenCommand.run(args);
        };
        StackOptions options = stack.options();
        new SourceOfAuthorityScenario(new SourceOfAuthorityScenario.Endpoints(
                options.serviceUrl(StewardService.DIRECTORY), options.serviceUrl(StewardService.SELFSERVICE),
                options.serviceUrl(StewardService.SYNC), options.serviceUrl(StewardService.AUDIT)), tokens,
                () -> new LDAPConnection("127.0.0.1", stack.ldapPort(), SeedDirectory.BIND_DN,
                        SeedDirectory.BIND_PASSWORD)).run();
        walkedTheScenario = true;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Each run works in its own schema of the steward_e2e_* databases; drop them afterwards. */
    private static void dropSchemas() {
        for (StewardService service : StewardService.values()) {
            try (Connection connection = DriverManager.getConnection(POSTGRES + DATABASE.databaseName(service),
                    "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + SCHEMA + " of " + DATABASE.databaseName(service) + ": "
                        + e.getMessage());
            }
        }
    }
}
