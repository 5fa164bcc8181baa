package dev.steward.launcher.stack;

import dev.steward.launcher.Arguments;
import dev.steward.launcher.LauncherException;
import dev.steward.launcher.service.Database;
import dev.steward.launcher.service.StewardService;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything {@code ./steward up} can be told: where things are, ports, database, timeouts. */
public final class StackOptions {

    /** The flags of {@code up} that take a value (also accepted as system properties {@code steward.<flag>}). */
    public static final Set<String> VALUED_FLAGS = Set.of("bind-address", "data-dir", "repo-root", "kafka-port",
            "kafka-controller-port", "ldap-port", "directory-port", "selfservice-port", "sync-port", "audit-port",
            "postgres", "db-user", "db-password", "db-prefix", "sync-interval", "ready-timeout", "java-opts",
            "kafka-log-level",
            "skip");
    public static final Set<String> SWITCHES = Set.of("fresh");

    /**
     * A small footprint rather than peak throughput: a heap that starts small and gives memory back, the serial
     * collector, only C1 and only for methods run four times as often as by default (a third less compiled code;
     * what a load runs often is still compiled), small thread stacks.
     */
    public static final String DEFAULT_JAVA_OPTS = "-Xmx384m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 "
            + "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 -Xss512k";

    private Path repositoryRoot = LauncherHome.repositoryRoot();
    private Path launcherTarget = LauncherHome.targetDirectory();
    private StackLayout layout = new StackLayout(LauncherHome.repositoryRoot().resolve(".steward"));
    private String bindAddress = "127.0.0.1";
    private int kafkaPort = 9092;
    private int kafkaControllerPort = 9093;
    private int ldapPort = 3389;
    private final Map<StewardService, Integer> servicePorts = new EnumMap<>(StewardService.class);
    private boolean fresh;
    private Database database = new Database.H2Files();
    private Duration readyTimeout = Duration.ofMinutes(4);
    private Duration syncInterval;
    private List<String> serviceJavaOptions = split(DEFAULT_JAVA_OPTS);
    private String kafkaLogLevel = "warn";
    private final Map<StewardService, Map<String, String>> extraProperties = new EnumMap<>(StewardService.class);
    private final Set<StewardService> skipped = EnumSet.noneOf(StewardService.class);

    public StackOptions() {
        for (StewardService service : StewardService.values()) {
            servicePorts.put(service, service.defaultPort());
        }
    }

    /** The data directory named by {@code --data-dir}, else {@code <repo>/.steward}. */
    public static StackLayout layout(Arguments args) {
        Path root = args.value("repo-root").map(Path::of).orElse(LauncherHome.repositoryRoot());
        return new StackLayout(args.value("data-dir").map(Path::of).orElse(root.resolve(".steward")));
    }

    public static StackOptions fromArguments(Arguments args) {
        StackOptions options = new StackOptions();
        args.value("repo-root").ifPresent(root -> options.repositoryRoot(Path.of(root)));
        options.layout(layout(args));
        options.bindAddress(args.value("bind-address", options.bindAddress));
        options.kafkaPort(args.port("kafka-port", options.kafkaPort));
        options.kafkaControllerPort(args.port("kafka-controller-port", options.kafkaControllerPort));
        options.ldapPort(args.port("ldap-port", options.ldapPort));
        for (StewardService service : StewardService.values()) {
            options.servicePort(service, args.port(service.shortName() + "-port", service.defaultPort()));
        }
        options.fresh(args.isSet("fresh"));
        args.value("postgres").ifPresent(url -> options.database(new Database.PostgreSql(url,
                args.value("db-prefix", "steward_"),
                args.value("db-user", "postgres"), args.value("db-password", ""), null)));
        args.value("sync-interval").ifPresent(text -> options.syncInterval(duration("sync-interval", text)));
        args.value("ready-timeout").ifPresent(text -> options.readyTimeout(seconds("ready-timeout", text)));
        args.value("java-opts").ifPresent(text -> options.serviceJavaOptions(split(text)));
        options.kafkaLogLevel(args.value("kafka-log-level", options.kafkaLogLevel));
        args.value("skip").ifPresent(names -> {
            for (String name : names.split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    options.skip(StewardService.byShortName(name).orElseThrow(() -> LauncherException.usage(
                            "--skip: unknown service '" + name + "' (directory, selfservice, sync, audit)")));
                }
            }
        });
        return options;
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    public StackOptions repositoryRoot(Path root) {
        this.repositoryRoot = root.toAbsolutePath().normalize();
        return this;
    }

    /** The launcher module's {@code target/}: {@code lib/} and {@code kafka-libs/} (the broker's class path). */
    public Path launcherTarget() {
        return launcherTarget;
    }

    public StackOptions launcherTarget(Path target) {
        this.launcherTarget = target.toAbsolutePath().normalize();
        return this;
    }

    public StackLayout layout() {
        return layout;
    }

    public StackOptions layout(StackLayout layout) {
        this.layout = layout;
        return this;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public StackOptions bindAddress(String address) {
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw LauncherException.usage("--bind-address: unknown address " + address);
        }
        this.bindAddress = address;
        return this;
    }

    /** The address clients use: the bind address, or the loopback address when binding to all interfaces. */
    public String connectHost() {
        try {
            return InetAddress.getByName(bindAddress).isAnyLocalAddress() ? "127.0.0.1" : bindAddress;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public StackOptions kafkaPort(int port) {
        this.kafkaPort = port;
        return this;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public StackOptions kafkaControllerPort(int port) {
        this.kafkaControllerPort = port;
        return this;
    }

    public int ldapPort() {
        return ldapPort;
    }

    public StackOptions ldapPort(int port) {
        this.ldapPort = port;
        return this;
    }

    public int servicePort(StewardService service) {
        return servicePorts.get(service);
    }

    public StackOptions servicePort(StewardService service, int port) {
        servicePorts.put(service, port);
        return this;
    }

    public String serviceUrl(StewardService service) {
        return "http://" + connectHost() + ":" + servicePort(service);
    }

    public String kafkaBootstrapServers() {
        return connectHost() + ":" + kafkaPort;
    }

    public String ldapUrl() {
        return "ldap://" + connectHost() + ":" + ldapPort;
    }

    public boolean fresh() {
        return fresh;
    }

    public StackOptions fresh(boolean fresh) {
        this.fresh = fresh;
        return this;
    }

    public Database database() {
        return database;
    }

    public StackOptions database(Database database) {
        this.database = database;
        return this;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public StackOptions readyTimeout(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    /** The sync-service's schedule; unset leaves the service's own default. */
    public Duration syncInterval() {
        return syncInterval;
    }

    public StackOptions syncInterval(Duration interval) {
        this.syncInterval = interval;
        return this;
    }

    public List<String> serviceJavaOptions() {
        return serviceJavaOptions;
    }

    public StackOptions serviceJavaOptions(List<String> options) {
        this.serviceJavaOptions = List.copyOf(options);
        return this;
    }

    public String kafkaLogLevel() {
        return kafkaLogLevel;
    }

    public StackOptions kafkaLogLevel(String level) {
        this.kafkaLogLevel = level;
        return this;
    }

    /** The services the launcher starts: all but the skipped ones (which a developer runs from the IDE). */
    public List<StewardService> services() {
        return Arrays.stream(StewardService.values()).filter(service -> !skipped.contains(service)).toList();
    }

    public StackOptions skip(StewardService service) {
        skipped.add(service);
        return this;
    }

    /** Properties added to (or overriding) what the launcher passes to one service. */
    public Map<String, String> extraProperties(StewardService service) {
        return extraProperties.getOrDefault(service, Map.of());
    }

    public StackOptions extraProperty(StewardService service, String name, String value) {
        extraProperties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** Every port the stack listens on, named for error messages. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (--kafka-port)", kafkaPort);
        ports.put("Kafka controller (--kafka-controller-port)", kafkaControllerPort);
        ports.put("LDAP (--ldap-port)", ldapPort);
        for (StewardService service : services()) {
            ports.put(service.module() + " (--" + service.shortName() + "-port)", servicePort(service));
        }
        return ports;
    }

    private static Duration duration(String flag, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw LauncherException.usage("--" + flag + " must be an ISO-8601 duration such as PT30M, not " + text);
        }
    }

    private static Duration seconds(String flag, String text) {
        try {
            return Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw LauncherException.usage("--" + flag + " must be a number of seconds, not " + text);
        }
    }

    private static List<String> split(String text) {
        return new ArrayList<>(Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }

    /** Where the launcher runs from: {@code <repo>/launcher/target/(launcher.jar|classes)}. */
    static final class LauncherHome {

        private LauncherHome() {
        }

        static Path targetDirectory() {
            String override = System.getProperty("steward.launcher-target");
            if (override != null) {
                return Path.of(override).toAbsolutePath().normalize();
            }
            try {
                Path codeSource = Path.of(StackOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return codeSource.toAbsolutePath().getParent().normalize();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        static Path repositoryRoot() {
            String override = System.getProperty("steward.repo-root");
            if (override != null) {
                return Path.of(override).toAbsolutePath().normalize();
            }
            return targetDirectory().getParent().getParent();
        }
    }
}
