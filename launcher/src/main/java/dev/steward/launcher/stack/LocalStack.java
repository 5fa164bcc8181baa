package dev.steward.launcher.stack;

import dev.steward.launcher.LauncherException;
import dev.steward.launcher.auth.AuthServer;
import dev.steward.launcher.auth.StackUsers;
import dev.steward.launcher.kafka.BrokerCredentials;
import dev.steward.launcher.kafka.KafkaBroker;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.launcher.process.ChildProcess;
import dev.steward.launcher.service.ServiceProcess;
import dev.steward.launcher.service.ServiceSupervisor;
import dev.steward.launcher.service.StewardService;
import dev.steward.launcher.token.SeedUsers;
import dev.steward.platform.kafka.access.BrokerSecurity;
import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The local stack: the authorization server, a Kafka broker process, the embedded LDAP directory and the four services
 * as processes, started in that order; stopped in the reverse order (services, authorization server, broker,
 * directory).
 */
public final class LocalStack implements AutoCloseable {

    private final StackOptions options;
    private final PrintStream out;
    private final RunFiles runFiles;
    private final Object lifecycle = new Object();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Map<StewardService, ServiceProcess> services = new EnumMap<>(StewardService.class);
    private boolean closed;
    /** Set once this launcher has claimed the data directory's run files; only then does close() clear them. */
    private boolean owner;
    private volatile KafkaBroker kafka;
    private boolean brokerRestarting;
    private BrokerCredentials kafkaCredentials;
    private SeedDirectory directory;
    private ChildProcess watchdog;
    private ScheduledExecutorService monitor;
    /** How a service is started again (same command as at start-up), for the supervisor. */
    private final Map<StewardService, Supplier<ServiceProcess>> starters = new EnumMap<>(StewardService.class);
    private ServiceSupervisor supervisor;
    private double readySeconds;
    private String banner;
    // --- the authorization server: issuer of every token of the stack (see auth/AuthServer)
    private final int authPort = Ports.free();
    private final String syncClientSecret = secret();
    private final String selfServiceClientSecret = secret();
    private AuthServer authServer;

    public LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.runFiles = new RunFiles(options.layout());
    }

    public StackOptions options() {
        return options;
    }

    /**
     * Starts everything and returns once every service reports UP.
     *
     * @param startedAtMillis when the user asked for the stack (for the start-up time in the banner)
     * @throws LauncherException naming what failed; what had started keeps running until {@link #close()}
     */
    public void start(long startedAtMillis, boolean detached) {
        StackLayout layout = options.layout();
        prepare(layout);
        ChildProcess guard = Watchdog.start(layout).orElse(null);
        if (guard != null) {
            adopt(() -> guard.stop(5), () -> watchdog = guard);
            runFiles.writePid(RunFiles.WATCHDOG, guard.pid());
        }

        out.println("Starting the authorization server, Kafka, the LDAP directory and the services (logs in "
                + layout.logs() + ")");
        long authStartedAt = System.nanoTime();
        StackUsers.writeAll(layout, SeedUsers.of(layout.directorySnapshot()).all());
        AuthServer auth = AuthServer.start(runnableCopy(AuthServer.jar(options.repositoryRoot())), authPort,
                syncClientSecret, selfServiceClientSecret, layout, options.serviceJavaOptions());
        adopt(auth::close, () -> authServer = auth);
        runFiles.writePid(AuthServer.MODULE, auth.pid());
        KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Settings(
                List.of(options.launcherTarget().resolve("kafka-libs"), options.launcherTarget().resolve("lib")),
                layout.kafka(), layout.log("kafka"), options.bindAddress(), options.connectHost(),
                options.kafkaPort(), options.kafkaControllerPort(), options.kafkaLogLevel(), layout.marker(),
                kafkaCredentials.adminPassword(), Map.of(KafkaPrincipal.COMMAND_SENDER.userName(),
                        kafkaCredentials.password(KafkaPrincipal.COMMAND_SENDER))));
        adopt(broker::close, () -> kafka = broker);
        runFiles.writePid(RunFiles.KAFKA, broker.pid());
        SeedDirectory ldap = SeedDirectory.start(address(options.bindAddress()), options.ldapPort(),
                layout.directorySnapshot());
        adopt(ldap::close, () -> directory = ldap);
        broker.awaitReady(Duration.ofSeconds(90));
        broker.provision(kafkaCredentials.passwords());
        Duration authReady = auth.awaitReady(authStartedAt, options.readyTimeout());
        out.printf(Locale.ROOT, "  %-20s %-28s pid %d, up after %.1f s%n", AuthServer.MODULE, auth.url(), auth.pid(),
                authReady.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  %-20s %-28s pid %d%n", "Kafka (KRaft)", broker.bootstrapServers(), broker.pid());
        out.printf(Locale.ROOT, "  %-20s %-28s in the launcher%n", "LDAP directory", options.ldapUrl());

        startServices(layout);

        double seconds = (System.currentTimeMillis() - startedAtMillis) / 1000.0;
        banner = banner(seconds, detached);
        out.println();
        out.print(banner);
        out.flush();
        readySeconds = seconds;
        runFiles.writeStack(stackProperties(seconds));
        runFiles.writeReady(banner);
        watchChildren();
    }

    /**
     * Refuses a second stack on the same data directory, cleans up after a killed one, checks jars and ports,
     * applies {@code --fresh}, creates the key pair once, and claims the run files.
     */
    private void prepare(StackLayout layout) {
        layout.createDirectories();
        runFiles.runningLauncher().ifPresent(pid -> {
            throw new LauncherException("Steward is already running from " + layout.root() + " (pid " + pid
                    + "). Stop it with ./steward down.");
        });
        runFiles.stopLeftovers(out);
        runFiles.clear();
        requireJars();
        Ports.requireFree(options.bindAddress(), options.ports());
        if (options.fresh()) {
            out.println("Starting fresh: removing the broker's logs, the directory and the databases in "
                    + layout.root());
            deleteRecursively(layout.kafka());
            deleteRecursively(layout.root().resolve("data"));
            deleteRecursively(layout.directorySnapshot().getParent());
            layout.createDirectories();
        }
        kafkaCredentials = BrokerCredentials.loadOrCreate(layout.kafkaCredentials());
        kafkaCredentials.writeKcatConfig(layout.kcatConfig(), KafkaPrincipal.COMMAND_SENDER);
        synchronized (lifecycle) {
            if (closed) {
                throw new LauncherException("start-up interrupted: Steward is stopping");
            }
            owner = true;
        }
        runFiles.writePid(RunFiles.LAUNCHER, ProcessHandle.current().pid());
    }

    /** Starts the services in parallel (skipped ones get a properties file instead) and waits until all are UP. */
    private void startServices(StackLayout layout) {
        // every service's database, also those of skipped services (run from an IDE with the properties file)
        List<String> created = options.database().createMissing(List.of(StewardService.values()));
        if (!created.isEmpty()) {
            out.println("  Created the databases " + String.join(", ", created));
        }
        long startedAt = System.nanoTime();
        for (StewardService service : options.services()) {
            Supplier<ServiceProcess> starter = () -> ServiceProcess.start(service,
                    runnableCopy(service.jar(options.repositoryRoot())),
                    options.serviceJavaOptions(), layout.marker(), properties(service), secrets(service),
                    options.repositoryRoot(), layout.log(service.module()), options.serviceUrl(service));
            ServiceProcess process = starter.get();
            adopt(process::close, () -> {
                services.put(service, process);
                starters.put(service, starter);
            });
            runFiles.writePid(service.module(), process.pid());
        }
        for (StewardService service : StewardService.values()) {
            if (!options.services().contains(service)) {
                writeSkippedServiceProperties(service);
            }
        }
        awaitServices(startedAt);
    }

    /**
     * The jar a service runs from: a copy under the data directory. Spring Boot reads its jar lazily, and Maven
     * rewrites {@code target/<module>.jar} in place, so running from {@code target/} would break the service as soon
     * as someone runs {@code ./mvnw verify} next to the stack.
     */
    private Path runnableCopy(Path built) {
        Path copy = options.layout().jars().resolve(built.getFileName());
        try {
            if (!Files.exists(copy) || Files.size(copy) != Files.size(built)
                    || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(built))) {
                Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + built + " to " + copy, e);
        }
    }

    private void requireJars() {
        List<Path> jars = new ArrayList<>(options.services().stream()
                .map(service -> service.jar(options.repositoryRoot())).toList());
        jars.add(AuthServer.jar(options.repositoryRoot()));
        List<String> missing = jars.stream()
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new LauncherException("Steward is not built: missing " + String.join(", ", missing)
                    + ". Build it with ./mvnw -B -q -DskipTests package (./steward up does so when needed).");
        }
    }

    /** The Spring properties the launcher gives one service (command line). */
    public Map<String, String> properties(StewardService service) {
        StackLayout layout = options.layout();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(options.servicePort(service)));
        properties.put("server.address", options.bindAddress());
        properties.put("spring.kafka.bootstrap-servers", options.kafkaBootstrapServers());
        properties.putAll(options.database().properties(service, layout));
        String issuer = AuthServer.url(authPort);
        properties.put("steward.security.issuer", issuer);
        properties.put("steward.security.audience", AuthServer.AUDIENCE);
        properties.put("steward.security.jwk-set-uri", issuer + "/oauth2/jwks");
        if (service == StewardService.SELFSERVICE) {
            properties.put("steward.client.id", AuthServer.SELFSERVICE_APP_ID);
            properties.put("steward.client.token-uri", issuer + "/oauth2/token");
        }
        if (service == StewardService.SYNC) {
            properties.put("steward.client.id", AuthServer.SYNC_APP_ID);
            properties.put("steward.client.token-uri", issuer + "/oauth2/token");
            properties.put("steward.sync.ldap.url", options.ldapUrl());
            properties.put("steward.sync.ldap.bind-dn", SeedDirectory.BIND_DN);
            properties.put("steward.sync.ldap.password", SeedDirectory.BIND_PASSWORD);
            properties.put("steward.sync.ldap.base-dn", SeedDirectory.BASE_DN);
            properties.put("steward.sync.initial-cycle-on-start", "true");
            properties.put("steward.sync.directory.url", "http://" + options.bindAddress() + ":"
                    + options.servicePort(StewardService.DIRECTORY));
            if (options.syncInterval() != null) {
                properties.put("steward.sync.schedule.interval", options.syncInterval().toString());
            }
        }
        properties.putAll(options.extraProperties(service));
        return properties;
    }

    /**
     * A skipped service is one a developer runs from the IDE: its properties go to
     * {@code run/<module>.properties}, for {@code --spring.config.additional-location=file:<that file>}.
     */
    private void writeSkippedServiceProperties(StewardService service) {
        Properties properties = new Properties();
        properties.putAll(properties(service));
        properties.putAll(secrets(service));
        Path file = options.layout().run().resolve(service.module() + ".properties");
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, service.module() + " for the running local stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Properties passed in the environment, never on the command line: the service's broker credentials and the sync
     * engine's client secret at the authorization server (generated for each start of the stack).
     */
    private Map<String, String> secrets(StewardService service) {
        Map<String, String> secrets = new LinkedHashMap<>();
        KafkaPrincipal principal = KafkaPrincipal.byUserName(service.module());
        secrets.put(BrokerSecurity.USERNAME_PROPERTY, principal.userName());
        secrets.put(BrokerSecurity.PASSWORD_PROPERTY, kafkaCredentials.password(principal));
        if (service == StewardService.SYNC) {
            secrets.put("steward.client.secret", syncClientSecret);
        }
        if (service == StewardService.SELFSERVICE) {
            secrets.put("steward.client.secret", selfServiceClientSecret);
        }
        return secrets;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void awaitServices(long startedAt) {
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), runnable -> {
            Thread thread = new Thread(runnable, "health-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Map.Entry<ServiceProcess, Duration>> completion = new ExecutorCompletionService<>(pool);
            List<ServiceProcess> starting;
            synchronized (lifecycle) {
                starting = new ArrayList<>(services.values());
            }
            for (ServiceProcess process : starting) {
                completion.submit(() -> Map.entry(process, process.awaitHealthy(startedAt, options.readyTimeout())));
            }
            for (int i = 0; i < starting.size(); i++) {
                Future<Map.Entry<ServiceProcess, Duration>> ready = completion.take();
                Map.Entry<ServiceProcess, Duration> result = ready.get();
                StewardService service = result.getKey().service();
                out.printf(Locale.ROOT, "  %-20s %-28s pid %d, up after %.1f s%n", service.module(),
                        options.serviceUrl(service), result.getKey().pid(), result.getValue().toMillis() / 1000.0);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LauncherException failure) {
                throw failure;
            }
            throw new LauncherException("a service failed to start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the services", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Keeps the services running while the stack runs ({@link ServiceSupervisor}: restarts with back-off, gives up on
     * one that keeps failing), takes {@code ./steward restart} requests, and reports a broker that dies.
     */
    private void watchChildren() {
        synchronized (lifecycle) {
            supervisor = new ServiceSupervisor(ServiceSupervisor.Policy.defaults(options.readyTimeout()), out,
                    this::serviceChanged);
            services.forEach((service, process) -> supervisor.supervise(service.module(), process,
                    starters.get(service)));
        }
        monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "child-monitor");
            thread.setDaemon(true);
            return thread;
        });
        Set<String> reported = new HashSet<>();
        monitor.scheduleWithFixedDelay(() -> {
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
                try {
                    for (StewardService service : services.keySet()) {
                        if (runFiles.takeRestartRequest(service.module())) {
                            supervisor.requestRestart(service.module());
                        }
                    }
                    supervisor.tick();
                } catch (RuntimeException e) {
                    out.println("supervising the services failed: " + e);
                }
                if (authServer != null && !authServer.isAlive() && !reported.contains(AuthServer.MODULE)) {
                    reported.add(AuthServer.MODULE);
                    out.println(AuthServer.MODULE + " exited unexpectedly; see " + authServer.logFile());
                }
                if (kafka != null && !kafka.isAlive() && !brokerRestarting) {
                    brokerRestarting = true;
                    KafkaBroker dead = kafka;
                    out.println("Kafka exited unexpectedly; see " + dead.logFile() + "; restarting it on the same "
                            + "port and log dirs");
                    Thread restart = new Thread(() -> restartBroker(dead), "kafka-restart");
                    restart.setDaemon(true);
                    restart.start();
                }
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts the broker again with the same settings (port, log dirs, cluster id, credentials) after it died, waits
     * until it answers and provisions its users and ACLs again (idempotent); retries every 5 s until it is up or the
     * stack closes. Runs off the monitor thread so the services stay supervised meanwhile.
     */
    private void restartBroker(KafkaBroker dead) {
        long startedAt = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
            }
            KafkaBroker broker = null;
            try {
                broker = dead.startAgain();
                KafkaBroker starting = broker;
                synchronized (lifecycle) {
                    if (closed) {
                        starting.close();
                        return;
                    }
                    kafka = starting;
                    runFiles.writePid(RunFiles.KAFKA, starting.pid());
                }
                broker.awaitReady(Duration.ofSeconds(90));
                broker.provision(kafkaCredentials.passwords());
                synchronized (lifecycle) {
                    brokerRestarting = false;
                    if (!closed) {
                        runFiles.writeStack(stackProperties(readySeconds));
                    }
                }
                out.printf(Locale.ROOT, "Kafka is up again (pid %d, after %.1f s)%n", broker.pid(),
                        (System.nanoTime() - startedAt) / 1e9);
                return;
            } catch (RuntimeException e) {
                out.println("restarting Kafka failed (attempt " + attempt + "): " + e.getMessage());
                if (broker != null && broker.isAlive()) {
                    broker.close();
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A service was restarted or changed state: its pid file and {@code ./steward status} follow. */
    private void serviceChanged(String module, ServiceSupervisor.Supervised current, ServiceSupervisor.State state,
                                String note) {
        StewardService service = StewardService.byShortName(module).orElseThrow();
        if (current instanceof ServiceProcess process) {
            services.put(service, process);
            runFiles.writePid(module, process.pid());
        }
        runFiles.writeStack(stackProperties(readySeconds));
    }

    public String banner() {
        return banner;
    }

    public int ldapPort() {
        return directory.port();
    }

    /** True once {@link #close()} has begun (e.g. Ctrl-C during start-up). */
    public boolean isClosing() {
        synchronized (lifecycle) {
            return closed;
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }

    /** Stops services (in parallel), then the authorization server, the broker, the directory. Safe to call twice and from a hook. */
    @Override
    public void close() {
        List<ServiceProcess> running;
        KafkaBroker broker;
        AuthServer auth;
        SeedDirectory ldap;
        ChildProcess guard;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (!owner) {
                closedLatch.countDown();
                return;
            }
            running = new ArrayList<>(services.values());
            broker = kafka;
            auth = authServer;
            ldap = directory;
            guard = watchdog;
        }
        try {
            if (monitor != null) {
                monitor.shutdownNow();
            }
            out.println("Stopping Steward...");
            List<Thread> stopping = new ArrayList<>();
            for (ServiceProcess process : running) {
                Thread thread = new Thread(process::close, "stop-" + process.service().module());
                thread.start();
                stopping.add(thread);
            }
            for (Thread thread : stopping) {
                joinQuietly(thread);
            }
            if (auth != null) {
                auth.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (ldap != null) {
                ldap.close();
            }
            if (guard != null) {
                guard.stop(5);
            }
            runFiles.clear();
            out.println("Steward stopped.");
            out.flush();
        } finally {
            closedLatch.countDown();
        }
    }

    /** Keeps what was just started, unless the stack is already stopping: then stops it at once. */
    private void adopt(Runnable stop, Runnable keep) {
        synchronized (lifecycle) {
            if (!closed) {
                keep.run();
                return;
            }
        }
        stop.run();
        throw new LauncherException("start-up interrupted: Steward is stopping");
    }

    private String banner(double seconds, boolean detached) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Steward is ready (started in %.1f s)%n%n", seconds));
        for (StewardService service : StewardService.values()) {
            line(text, service.shortName(), options.serviceUrl(service)
                    + (options.services().contains(service) ? "" : "   (skipped; run it with "
                    + "--spring.config.additional-location=file:"
                    + options.layout().run().resolve(service.module() + ".properties") + ")"));
        }
        line(text, "auth", AuthServer.url(authPort) + "   (token issuer)");
        line(text, "Kafka", options.kafkaBootstrapServers() + "   (SASL; kcat -F "
                + options.layout().kcatConfig() + ")");
        line(text, "LDAP", options.ldapUrl());
        line(text, "  bind DN", SeedDirectory.BIND_DN);
        line(text, "  password", SeedDirectory.BIND_PASSWORD);
        line(text, "database", options.database().describe(options.layout()));
        line(text, "logs", options.layout().logs().toString());
        text.append(String.format("%nA token for the seeded admin:  ./steward token --user admin@corp.example.test%n"));
        text.append(detached ? String.format("Stop it with:                  ./steward down%n")
                : String.format("Press Ctrl-C to stop.%n"));
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(String.format(Locale.ROOT, "  %-12s %s%n", name, value));
    }

    private Properties stackProperties(double seconds) {
        Properties stack = new Properties();
        stack.setProperty("ready-seconds", String.format(Locale.ROOT, "%.1f", seconds));
        stack.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        stack.setProperty("kafka.pid", Long.toString(kafka.pid()));
        stack.setProperty("kafka.address", kafka.bootstrapServers());
        stack.setProperty("ldap.url", options.ldapUrl());
        stack.setProperty(AuthServer.MODULE + ".pid", Long.toString(authServer.pid()));
        stack.setProperty(AuthServer.MODULE + ".url", authServer.url());
        synchronized (lifecycle) {
            for (ServiceProcess process : services.values()) {
                String name = process.service().module();
                stack.setProperty(name + ".pid", Long.toString(process.pid()));
                stack.setProperty(name + ".url", options.serviceUrl(process.service()));
                if (supervisor != null) {
                    supervisor.state(name).ifPresent(state -> stack.setProperty(name + ".state", state.label()));
                    supervisor.note(name).ifPresent(note -> stack.setProperty(name + ".note", note));
                }
            }
        }
        return stack;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw LauncherException.usage("unknown bind address " + host);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
