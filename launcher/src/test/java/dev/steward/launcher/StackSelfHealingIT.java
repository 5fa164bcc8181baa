package dev.steward.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.launcher.service.HealthProbe;
import dev.steward.launcher.service.StewardService;
import dev.steward.launcher.stack.LocalStack;
import dev.steward.launcher.stack.Ports;
import dev.steward.launcher.stack.RunFiles;
import dev.steward.launcher.stack.StackLayout;
import dev.steward.launcher.stack.StackOptions;
import dev.steward.platform.kafka.access.BrokerSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher keeps its services running: a service killed with SIGKILL comes back healthy, and
 * {@code ./steward restart <service>} (the real command, run as its own process) replaces one on demand. A small
 * stack: H2 databases, the broker, LDAP, and two of the services.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackSelfHealingIT {

    private static final ByteArrayOutputStream LAUNCHER_OUTPUT = new ByteArrayOutputStream();
    private static LocalStack stack;
    private static Path dataDir;
    private static Path repositoryRoot;

    @BeforeAll
    static void startTheStack() throws Exception {
        repositoryRoot = Path.of(System.getProperty("steward.repo-root", "..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("steward-healing");
        StackOptions options = new StackOptions()
                .repositoryRoot(repositoryRoot)
                .layout(new StackLayout(dataDir))
                .kafkaPort(Ports.free())
                .kafkaControllerPort(Ports.free())
                .ldapPort(Ports.free())
                .readyTimeout(Duration.ofMinutes(5))
                .skip(StewardService.DIRECTORY)
                .skip(StewardService.SYNC);
        for (StewardService service : StewardService.values()) {
            options.servicePort(service, Ports.free());
        }
        PrintStream tee = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                synchronized (LAUNCHER_OUTPUT) {
                    LAUNCHER_OUTPUT.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
        stack = new LocalStack(options, tee);
        stack.start(System.currentTimeMillis(), true);
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    @Order(1)
    void serviceKilledWithSigkillComesBackHealthyAndStatusSaysSo() throws Exception {
        RunFiles runFiles = new RunFiles(stack.options().layout());
        long killed = runFiles.pid("audit-service").orElseThrow();

        assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();

        long revived = await("audit-service back with a new process").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runFiles.pid("audit-service").orElse(killed), pid -> pid != killed
                        && new HealthProbe(stack.options().serviceUrl(StewardService.AUDIT)).check().up());
        assertThat(ProcessHandle.of(revived).map(ProcessHandle::isAlive)).hasValue(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> launcherOutput().contains("audit-service is up again"));
        assertThat(launcherOutput()).contains("audit-service exited with code 137")
                .contains("restarting in 1.0 s (attempt 1 of 5)");

        Command status = steward("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).containsPattern("audit-service\\s+" + revived + "\\s+up");
    }

    @Test
    @Order(2)
    void restartCommandReplacesTheServiceAndWaitsUntilItIsUp() throws Exception {
        RunFiles runFiles = new RunFiles(stack.options().layout());
        long before = await().atMost(Duration.ofMinutes(4)).until(() -> runFiles.pid("selfservice-service")
                .orElse(-1), pid -> pid > 0);

        Command restart = steward("restart", "selfservice");

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        long after = runFiles.pid("selfservice-service").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(restart.output()).contains("selfservice-service is up again (pid " + after + ")");
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(new HealthProbe(stack.options().serviceUrl(StewardService.SELFSERVICE)).check().up()).isTrue();

        Command unknown = steward("restart", "mailer");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown service 'mailer'");
        Command skipped = steward("restart", "sync");
        assertThat(skipped.exitCode()).isEqualTo(1);
        assertThat(skipped.output()).contains("sync-service is not run by this stack");
    }

    /** Last: the services lose the broker for a while. */
    @Test
    @Order(3)
    void brokerKilledWithSigkillIsStartedAgainOnTheSamePortWithItsUsersAndTopics() throws Exception {
        RunFiles runFiles = new RunFiles(stack.options().layout());
        long killed = runFiles.pid(RunFiles.KAFKA).orElseThrow();
        String bootstrap = "127.0.0.1:" + stack.options().kafkaPort();
        Set<String> topicsBefore = topics(bootstrap);

        assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();

        await("the broker restarted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> launcherOutput().contains("Kafka is up again"));
        long revived = runFiles.pid(RunFiles.KAFKA).orElseThrow();
        assertThat(revived).isNotEqualTo(killed);
        assertThat(ProcessHandle.of(revived).map(ProcessHandle::isAlive)).hasValue(true);
        assertThat(launcherOutput()).contains("Kafka exited unexpectedly")
                .contains("restarting it on the same port and log dirs");
        assertThat(topics(bootstrap)).as("same log dirs: the topics are still there").containsAll(topicsBefore)
                .contains("steward.directory.events");
        Map<String, Object> senderConfig = new HashMap<>(BrokerSecurity.clientProperties("command-sender",
                credentials().getProperty("command-sender")));
        senderConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin sender = Admin.create(senderConfig)) {
            assertThat(sender.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .as("the command sender still authenticates").isNotEmpty();
        }
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.adminClientProperties(
                credentials().getProperty(BrokerSecurity.ADMIN)));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static Properties credentials() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("kafka-credentials.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String launcherOutput() {
        synchronized (LAUNCHER_OUTPUT) {
            return LAUNCHER_OUTPUT.toString(StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code ./steward <args>} as the script does: the launcher jar in its own JVM. */
    private static Command steward(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", repositoryRoot.resolve("launcher/target/launcher.jar").toString()));
        command.addAll(List.of(args));
        command.add("--data-dir=" + dataDir);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).isTrue();
        return new Command(process.exitValue(), output);
    }

    private record Command(int exitCode, String output) {
    }
}
