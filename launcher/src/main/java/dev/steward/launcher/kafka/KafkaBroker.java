package dev.steward.launcher.kafka;

import dev.steward.launcher.LauncherException;
import dev.steward.launcher.process.ChildProcess;
import dev.steward.platform.kafka.access.BrokerSecurity;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, combined broker and controller, one node) in its own JVM, started from the Kafka jars
 * the build collected into {@code launcher/target/kafka-libs}. Its log dirs survive restarts; the storage is
 * formatted once.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * @param classPath      directories whose jars make the broker's class path
     * @param stateDirectory {@code server.properties} and the log dirs
     * @param logFile        the broker's own log (stdout and stderr)
     * @param host           the listeners' address; {@code advertisedHost} is what clients are told
     * @param logLevel       slf4j-simple level of the broker's logging (warn, info, ...)
     * @param marker         a JVM option that marks the process as this stack's
     * @param adminPassword  the super user's password ({@link BrokerSecurity}): the broker's own, and the
     *                       provisioner's
     * @param plainUsers     SASL/PLAIN users besides the super user (name to password), for clients whose SCRAM
     *                       does not work with Kafka 4 (Debian 12's {@code kcat})
     */
    public record Settings(List<Path> classPath, Path stateDirectory, Path logFile, String host, String advertisedHost,
            int port, int controllerPort, String logLevel, String marker, String adminPassword,
            Map<String, String> plainUsers) {
    }

    /** The name of the client listener ({@code SASL_PLAINTEXT}); the controller's is {@value #CONTROLLER_LISTENER}. */
    static final String CLIENT_LISTENER = "BROKER";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Settings settings;
    private final ChildProcess process;

    private KafkaBroker(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Writes the configuration, formats the storage on first use and starts the broker (without waiting). */
    public static KafkaBroker start(Settings settings) {
        Path serverProperties = writeServerProperties(settings);
        Path logDirs = settings.stateDirectory().resolve("data");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(settings, serverProperties);
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx512m", "-Xms64m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", settings.marker()));
        command.addAll(loggingOptions(settings.logLevel()));
        command.addAll(List.of("-cp", classPath(settings.classPath()), "kafka.Kafka", serverProperties.toString()));
        ChildProcess process = ChildProcess.start("kafka", command, Map.of(), settings.stateDirectory(),
                settings.logFile());
        return new KafkaBroker(settings, process);
    }

    /** A new broker process with the same settings: same ports, log dirs (already formatted) and credentials. */
    public KafkaBroker startAgain() {
        return start(settings);
    }

    public String bootstrapServers() {
        return settings.advertisedHost() + ":" + settings.port();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Bootstrap servers and the super user's credentials. */
    public Map<String, Object> adminClientConfig() {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.adminClientProperties(settings.adminPassword()));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** Bootstrap servers and the SCRAM credentials of a principal. */
    public Map<String, Object> clientConfig(KafkaPrincipal principal, String password) {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.clientProperties(principal.userName(), password));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /**
     * Creates (or resets) the SCRAM user of every principal and the ACLs of the topic table, and waits until the
     * broker enforces them.
     */
    public void provision(Map<KafkaPrincipal, String> passwords) {
        try (Admin admin = Admin.create(adminClientConfig())) {
            BrokerSecurity.provision(admin, passwords, 60);
        } catch (IllegalStateException e) {
            throw new LauncherException("Kafka users and ACLs could not be set up: " + e.getMessage()
                    + "; the broker's log is " + logFile(), e);
        }
    }

    /** Waits until the broker answers a describe-cluster request with its node. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties properties = new Properties();
        properties.putAll(adminClientConfig());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new LauncherException("Kafka exited with code " + process.exitValue() + " during start-up; "
                            + "its log is " + logFile() + ":\n" + process.tail(20));
                }
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not accepting connections yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LauncherException("interrupted while waiting for Kafka", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new LauncherException("Kafka did not accept connections on " + bootstrapServers()
                            + " within " + timeout.toSeconds() + " s; its log is " + logFile() + ":\n"
                            + process.tail(20));
                }
                pause();
            }
        }
    }

    @Override
    public void close() {
        process.stop(30);
    }

    static Properties serverProperties(Settings settings) {
        String listener = CLIENT_LISTENER + "://" + settings.host() + ":" + settings.port();
        String controller = CONTROLLER_LISTENER + "://" + settings.host() + ":" + settings.controllerPort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + settings.advertisedHost() + ":" + settings.controllerPort());
        p.setProperty("listeners", listener + "," + controller);
        p.setProperty("advertised.listeners", CLIENT_LISTENER + "://" + settings.advertisedHost() + ":" + settings.port());
        BrokerSecurity.brokerProperties(CLIENT_LISTENER, CONTROLLER_LISTENER, settings.adminPassword(),
                        settings.plainUsers())
                .forEach(p::setProperty);
        p.setProperty("log.dirs", settings.stateDirectory().resolve("data").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("log.cleaner.threads", "1");
        return p;
    }

    private static Path writeServerProperties(Settings settings) {
        Path file = settings.stateDirectory().resolve("server.properties");
        try {
            Files.createDirectories(settings.stateDirectory());
            try (var out = Files.newBufferedWriter(file)) {
                serverProperties(settings).store(out, "written by the Steward launcher on every start");
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kafka-storage format}: a new cluster id, once per state directory. */
    private static void format(Settings settings, Path serverProperties) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(loggingOptions("warn"));
        command.addAll(List.of("-cp", classPath(settings.classPath()), "kafka.tools.StorageTool", "format",
                "--ignore-formatted", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString()));
        ChildProcess.run("Kafka storage format", command, settings.stateDirectory(),
                settings.stateDirectory().resolve("format.log"), 120);
    }

    private static List<String> loggingOptions(String level) {
        return List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + level,
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.showThreadName=false");
    }

    private static String classPath(List<Path> directories) {
        List<String> entries = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new LauncherException("The Kafka jars are missing (" + directory + "); build the launcher: "
                        + "./mvnw -B -q -DskipTests package");
            }
            entries.add(directory.toAbsolutePath() + File.separator + "*");
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for Kafka", e);
        }
    }
}
